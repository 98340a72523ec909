import { Form, useNavigation } from "@remix-run/react";
import { type ReactNode, useMemo, useState } from "react";
import { Button } from "~/components/Button";
import { FormAlert, useErrorText } from "~/components/Field";
import { FEATURED_PLACEMENTS, MAX_FEATURED_PRODUCTS } from "~/lib/featured-list-form";
import type { ProvinceProduct } from "~/lib/backend/trade-center-portal.server";
import { useT, type MessageKey } from "~/lib/i18n";
import { foldAccents } from "~/lib/search-state";
import { FormRow } from "~/components/FormRow";

export type FeaturedListFormValues = {
  title_vi?: string;
  title_en?: string | null;
  placement?: string;
  starts_at?: string | null;
  ends_at?: string | null;
  product_ids?: string[];
};

const inputClass = "rounded-lg border border-clay bg-white px-3 py-2 text-sm";
const fold = (s: string) => foldAccents(s).toLowerCase();

/**
 * Create or edit a featured list: titles, placement, dates, and the province's products to pick and
 * number. The search box filters the rows in the browser; hidden rows keep their ticks (they are still
 * sent), so searching never loses a choice. Without JavaScript every row shows.
 */
export function FeaturedListForm({
  products,
  values,
  errors,
  formError,
}: {
  products: ProvinceProduct[];
  values: FeaturedListFormValues;
  errors: Record<string, string>;
  formError?: string;
}) {
  const tr = useT();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const [query, setQuery] = useState("");
  const pickedKey = (values.product_ids ?? []).join(",");
  const position = useMemo(
    () => new Map(pickedKey ? pickedKey.split(",").map((id, i) => [id, i + 1] as const) : []),
    [pickedKey]
  );
  // Picked products first, in their order, then the rest by name.
  const rows = useMemo(
    () =>
      [...products].sort(
        (a, b) => (position.get(a.id) ?? 1e6) - (position.get(b.id) ?? 1e6) || a.title.localeCompare(b.title, "vi")
      ),
    [products, position]
  );
  const needle = fold(query.trim());
  const shown = (p: ProvinceProduct) => !needle || fold(`${p.title} ${p.producer.name}`).includes(needle);
  const err = (name: string) =>
    errors[name] ? (
      <p id={`f-${name}-error`} className="text-sm font-medium text-lacquer-700" data-testid={`error-${name}`}>
        {errorText(errors[name])}
      </p>
    ) : null;
  return (
    <Form method="post" noValidate className="mt-6 space-y-5">
      <input type="hidden" name="intent" value="save" />
      {formError ? <FormAlert message={formError} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormRow
          htmlFor="f-title_vi"
          label={
            <>
              {tr("tc.titleVi")} <span className="text-lacquer-700">*</span>
            </>
          }
        >
          <input
            id="f-title_vi"
            name="title_vi"
            defaultValue={values.title_vi ?? ""}
            className={inputClass}
            aria-invalid={errors.title_vi ? true : undefined}
            aria-describedby={errors.title_vi ? "f-title_vi-error" : undefined}
          />
          {err("title_vi")}
        </FormRow>
        <FormRow
          htmlFor="f-title_en"
          label={
            <>
              {tr("tc.titleEn")} <span className="font-normal text-ink-soft">({tr("form.optional")})</span>
            </>
          }
        >
          <input id="f-title_en" name="title_en" defaultValue={values.title_en ?? ""} className={inputClass} />
          {err("title_en")}
        </FormRow>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">{tr("tc.placement")}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {FEATURED_PLACEMENTS.map((p) => (
              <label key={p} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="placement"
                  value={p}
                  defaultChecked={(values.placement ?? "province") === p}
                />
                {tr(`tc.placement.${p}` as MessageKey)}
              </label>
            ))}
          </div>
          {err("placement")}
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <CampaignDate
            name="starts_at"
            label={tr("tc.startsAt")}
            value={values.starts_at}
            describedBy="f-dates-hint"
            error={err("starts_at")}
          />
          <CampaignDate
            name="ends_at"
            label={tr("tc.endsAt")}
            value={values.ends_at}
            describedBy={errors.ends_at ? "f-ends_at-error" : "f-dates-hint"}
            error={err("ends_at")}
          />
          <p id="f-dates-hint" className="col-span-2 text-xs text-ink-soft">
            {tr("tc.datesHint")}
          </p>
        </div>
      </div>
      <fieldset>
        <legend className="font-display text-lg font-bold">{tr("tc.products")}</legend>
        <p className="text-sm text-ink-soft">{tr("tc.productsHint")}</p>
        {err("product_ids")}
        <FormRow htmlFor="f-product-search" label={tr("tc.searchProducts")} className="mt-2">
          <input
            id="f-product-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={tr("tc.searchPlaceholder")}
            className={`${inputClass} max-w-md`}
          />
        </FormRow>
        {products.length === 0 ? <p className="mt-3">{tr("tc.noProvinceProducts")}</p> : null}
        {products.length > 0 && rows.every((p) => !shown(p)) ? <p className="mt-3">{tr("tc.noMatch")}</p> : null}
        <ul className="mt-3 divide-y divide-clay/60 rounded-xl border border-clay bg-white">
          {rows.map((p) => (
            <li
              key={p.id}
              hidden={!shown(p)}
              className="flex flex-wrap items-center gap-3 px-3 py-2"
              data-testid="tc-pick-row"
            >
              <input
                type="checkbox"
                name="pick"
                value={p.id}
                id={`pick-${p.id}`}
                defaultChecked={position.has(p.id)}
                className="h-5 w-5"
              />
              <label htmlFor={`pick-${p.id}`} className="min-w-0 flex-1 text-sm">
                <span className="font-medium">{p.title}</span>
                <span className="block text-xs text-ink-soft">
                  {p.producer.name} · {p.listed ? tr("tc.listed") : tr("tc.notListed")}
                </span>
              </label>
              <label className="flex items-center gap-1 text-xs text-ink-soft">
                {tr("tc.position")}
                <input
                  type="number"
                  min={1}
                  max={MAX_FEATURED_PRODUCTS}
                  name={`position_${p.id}`}
                  defaultValue={position.get(p.id) ?? ""}
                  aria-label={`${tr("tc.position")}: ${p.title}`}
                  className="w-16 rounded-md border border-clay px-2 py-1 text-sm"
                />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" disabled={navigation.state !== "idle"}>
        {tr("tc.save")}
      </Button>
    </Form>
  );
}

/** A campaign's first or last day (a date input shows the day part of the stored timestamp). */
function CampaignDate({
  name,
  label,
  value,
  describedBy,
  error,
}: {
  name: "starts_at" | "ends_at";
  label: string;
  value: string | null | undefined;
  describedBy: string;
  error: ReactNode;
}) {
  return (
    <FormRow htmlFor={`f-${name}`} label={label}>
      <input
        id={`f-${name}`}
        name={name}
        type="date"
        defaultValue={value?.slice(0, 10) ?? ""}
        className={inputClass}
        aria-describedby={describedBy}
      />
      {error}
    </FormRow>
  );
}
