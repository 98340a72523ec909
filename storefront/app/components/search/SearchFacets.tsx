import { Form, Link, useSubmit } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import { useT, type MessageKey } from "~/lib/i18n";
import type { SearchResult } from "~/lib/backend/views";
import { formatVnd } from "~/lib/money";
import { entityTypeKey } from "~/lib/ocop-display";
import { PRICE_RANGES, PRODUCER_TYPES, STAR_VALUES, searchHref, withState, type SearchState } from "~/lib/search-state";

type Facets = SearchResult["facets"];

export type FacetProps = {
  state: SearchState;
  facets: Facets;
  fixed: readonly (keyof SearchState)[];
  basePath: string;
  /** the resolved province (label for a selected province that has no count) */
  provinceName?: string | null;
};

/** One choice of a many-choice facet: a checkbox, what it means, and how many products it finds. */
function FacetCheckbox({
  name,
  value,
  checked,
  count,
  disabled,
  children,
}: {
  name: "stars" | "producer_type";
  value: string | number;
  checked: boolean;
  count: number;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-paper-deep">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        disabled={disabled}
        className="size-4 accent-lacquer-600"
      />
      {children}
      <Count n={count} />
    </label>
  );
}

function Count({ n }: { n: number }) {
  const tr = useT();
  return (
    <span className="ml-auto pl-2 text-xs tabular-nums text-ink-soft">
      <span aria-hidden="true">{n}</span>
      <span className="sr-only">{tr("search.facet.count", { n })}</span>
    </span>
  );
}

function FacetSection({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <fieldset className="border-t border-clay py-4 first:border-t-0 first:pt-0" data-testid={`facet-${id}`}>
      <legend className="mb-2 text-sm font-semibold text-ink">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Single-choice facet (province, group, subgroup) as links: work without JavaScript, counts from the API. */
function LinkFacet({
  id,
  title,
  values,
  selected,
  hrefFor,
  pageHref,
  pageLabel,
  selectedLabel,
}: {
  selectedLabel?: string | null;
  id: string;
  title: string;
  values: { value: string; label: string; count: number }[];
  selected: string | null;
  hrefFor: (value: string | null) => string;
  pageHref?: (value: string) => string;
  pageLabel?: (label: string) => string;
}) {
  const tr = useT();
  if (values.length === 0 && !selected) return null;
  const shown =
    selected && !values.some((v) => v.value === selected)
      ? [{ value: selected, label: selectedLabel || selected, count: 0 }, ...values]
      : values;
  const current = shown.find((v) => v.value === selected);
  const linkClass =
    "flex items-center rounded-md px-2 py-1 text-sm hover:bg-paper-deep aria-[current=true]:bg-lacquer-50 aria-[current=true]:font-semibold aria-[current=true]:text-lacquer-700";
  return (
    <FacetSection id={id} title={title}>
      <ul className="max-h-72 space-y-0.5 overflow-y-auto pr-1">
        {selected ? (
          <li>
            <Link to={hrefFor(null)} className={linkClass} preventScrollReset>
              ← {tr("search.facet.any")}
            </Link>
          </li>
        ) : null}
        {shown.map((v) => (
          <li key={v.value}>
            <Link
              to={hrefFor(v.value === selected ? null : v.value)}
              aria-current={v.value === selected ? "true" : undefined}
              className={linkClass}
              preventScrollReset
              data-value={v.value}
            >
              <span>{v.label}</span>
              <Count n={v.count} />
            </Link>
          </li>
        ))}
      </ul>
      {current && pageHref && pageLabel ? (
        <Link to={pageHref(current.value)} className="mt-2 inline-block text-sm font-medium text-lacquer-700 underline">
          {pageLabel(current.label)}
        </Link>
      ) : null}
    </FacetSection>
  );
}

function priceRangeLabel(min: number | null, max: number | null, tr: ReturnType<typeof useT>): string {
  if (min === null && max !== null) return tr("search.priceUnder", { max: formatVnd(max) });
  if (max === null && min !== null) return tr("search.priceOver", { min: formatVnd(min) });
  return tr("search.priceBetween", { min: formatVnd(min ?? 0), max: formatVnd(max ?? 0) });
}

export { priceRangeLabel };

/**
 * The facet sidebar: one GET form (checkboxes for stars and producer type,
 * price inputs, an Apply button) so it works without JavaScript; with
 * JavaScript a ticked checkbox submits at once. Single-choice facets are links.
 * Counts come from the API and are disjunctive (each facet ignores its own filter).
 */
export function SearchFacets({ state, facets, fixed, basePath, provinceName }: FacetProps) {
  const tr = useT();
  const submit = useSubmit();
  const href = (change: Partial<SearchState>) => searchHref(basePath, withState(state, change), fixed);
  const isFixed = (key: keyof SearchState) => fixed.includes(key);

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (target.type === "checkbox") submit(event.currentTarget, { preventScrollReset: true });
  }

  const starCount = (s: number) => facets.stars.find((f) => f.value === s)?.count ?? 0;
  const typeCount = (p: string) => facets.producer_type.find((f) => f.value === p)?.count ?? 0;
  const producerTypes = PRODUCER_TYPES.filter((p) => typeCount(p) > 0 || state.producerTypes.includes(p));

  return (
    <Form
      method="get"
      action={basePath}
      onChange={onChange}
      preventScrollReset
      aria-label={tr("search.filters")}
      className="rounded-xl border border-clay bg-white p-4"
      data-testid="search-facets"
    >
      <h2 className="mb-3 font-display text-lg font-bold">{tr("search.filters")}</h2>
      {/* state kept by the form; the facets below change the rest */}
      {state.q && !isFixed("q") ? <input type="hidden" name="q" value={state.q} /> : null}
      {state.province && !isFixed("province") ? <input type="hidden" name="province" value={state.province} /> : null}
      {state.group && !isFixed("group") ? <input type="hidden" name="group" value={state.group} /> : null}
      {state.subgroup && !isFixed("subgroup") ? <input type="hidden" name="subgroup" value={state.subgroup} /> : null}
      {state.sort !== "relevance" ? <input type="hidden" name="sort" value={state.sort} /> : null}

      <FacetSection id="stars" title={tr("search.facet.stars")}>
        <ul className="space-y-1">
          {STAR_VALUES.map((s) => {
            const n = starCount(s);
            const checked = state.stars.includes(s);
            return (
              <li key={s}>
                <FacetCheckbox name="stars" value={s} checked={checked} count={n} disabled={n === 0 && !checked}>
                  <span aria-hidden="true" className="tracking-tight">
                    <span className="text-gold-500">{"★".repeat(s)}</span>
                    <span className="text-clay">{"★".repeat(5 - s)}</span>
                  </span>
                  <span className="sr-only">{tr("stars.label", { n: s })}</span>
                </FacetCheckbox>
              </li>
            );
          })}
        </ul>
      </FacetSection>

      {!isFixed("province") ? (
        <LinkFacet
          id="province"
          title={tr("search.facet.province")}
          values={facets.province}
          selected={state.province}
          selectedLabel={provinceName}
          hrefFor={(v) => href({ province: v })}
          pageHref={(v) => `/provinces/${v}`}
          pageLabel={(name) => tr("search.viewPage", { name: provinceName ?? name })}
        />
      ) : null}

      {!isFixed("group") ? (
        <LinkFacet
          id="group"
          title={tr("search.facet.group")}
          values={facets.group}
          selected={state.group}
          hrefFor={(v) => href({ group: v, subgroup: null })}
          pageHref={(v) => `/groups/${v}`}
          pageLabel={(name) => tr("search.viewPage", { name })}
        />
      ) : null}

      {!isFixed("subgroup") && (state.group || state.subgroup) ? (
        <LinkFacet
          id="subgroup"
          title={tr("search.facet.subgroup")}
          values={facets.subgroup}
          selected={state.subgroup}
          hrefFor={(v) => href({ subgroup: v })}
          pageHref={(v) => `/groups/${v}`}
          pageLabel={(name) => tr("search.viewPage", { name })}
        />
      ) : null}

      <FacetSection id="price" title={tr("search.facet.price")}>
        <ul className="mb-3 space-y-0.5">
          {PRICE_RANGES.map((r) => {
            const active = state.minPrice === r.min && state.maxPrice === r.max;
            return (
              <li key={`${r.min}-${r.max}`}>
                <Link
                  to={href(active ? { minPrice: null, maxPrice: null } : { minPrice: r.min, maxPrice: r.max })}
                  aria-current={active ? "true" : undefined}
                  preventScrollReset
                  className="block rounded-md px-2 py-1 text-sm hover:bg-paper-deep aria-[current=true]:bg-lacquer-50 aria-[current=true]:font-semibold aria-[current=true]:text-lacquer-700"
                >
                  {priceRangeLabel(r.min, r.max, tr)}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="flex items-end gap-2">
          <PriceBound
            label={tr("search.priceMin")}
            name="min_price"
            value={state.minPrice}
            placeholder={facets.price?.min}
          />
          <PriceBound
            label={tr("search.priceMax")}
            name="max_price"
            value={state.maxPrice}
            placeholder={facets.price?.max}
          />
        </div>
      </FacetSection>

      {producerTypes.length > 0 ? (
        <FacetSection id="producer_type" title={tr("search.facet.producerType")}>
          <ul className="space-y-1">
            {producerTypes.map((p) => {
              const key = entityTypeKey(p) as MessageKey;
              const checked = state.producerTypes.includes(p);
              return (
                <li key={p}>
                  <FacetCheckbox name="producer_type" value={p} checked={checked} count={typeCount(p)}>
                    <span>{tr(key)}</span>
                  </FacetCheckbox>
                </li>
              );
            })}
          </ul>
        </FacetSection>
      ) : null}

      <button
        type="submit"
        className="mt-2 w-full rounded-lg bg-lacquer-600 px-4 py-2 text-sm font-semibold text-white hover:bg-lacquer-700"
      >
        {tr("search.apply")}
      </button>
    </Form>
  );
}

/** One end of the typed price range, with the cheapest or dearest price found as its placeholder. */
function PriceBound({
  label,
  name,
  value,
  placeholder,
}: {
  label: string;
  name: "min_price" | "max_price";
  value: number | null | undefined;
  placeholder: number | undefined;
}) {
  return (
    <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs text-ink-soft">
      {label}
      <input
        type="number"
        name={name}
        min={0}
        step={1000}
        inputMode="numeric"
        defaultValue={value ?? ""}
        placeholder={placeholder !== undefined ? String(placeholder) : undefined}
        className="w-full rounded-md border border-clay bg-paper px-2 py-1 text-sm text-ink"
      />
    </label>
  );
}
