import { useState } from "react";
import { FileField, SelectField, TextArea, TextField } from "~/components/Field";
import { ProductImage } from "~/components/ProductImage";
import { submittedField } from "~/lib/forms";
import { useLang, useT } from "~/lib/i18n";
import type { ProductPhoto } from "~/lib/backend/views";

type Group = {
  slug: string;
  name_vi: string;
  name_en: string;
  subgroups?: { slug: string; name_vi: string; name_en: string }[];
};

/**
 * The product fields a producer fills in on creation and edits later: names in both languages,
 * group and sub-group, unit, weight, price (typed and shown as 185.000 ₫) and photos. Current
 * photos are kept in order with their alt text unless unticked; new files are added after them.
 */
export function ProductFields({
  values,
  errors,
  groups,
  photos = [],
  stockHint,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  groups: Group[];
  photos?: ProductPhoto[];
  /** What is held for orders and still for sale, on the edit page. */
  stockHint?: string;
}) {
  const tr = useT();
  const lang = useLang();
  const [group, setGroup] = useState(values.group_slug ?? "");
  const name = (g: { name_vi: string; name_en: string }) => (lang === "vi" ? g.name_vi : g.name_en);
  const subgroups = groups.find((g) => g.slug === group)?.subgroups ?? [];
  const field = submittedField(values, errors);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("title")} label={tr("vp.productTitle")} required />
        <TextField {...field("title_en")} label={`${tr("vp.titleEn")} (${tr("form.optional")})`} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          {...field("group_slug")}
          label={tr("pf.group")}
          placeholder={tr("checkout.choose")}
          options={groups.map((g) => ({ value: g.slug, label: name(g) }))}
          onChange={setGroup}
        />
        <SelectField
          key={group}
          name="subgroup_slug"
          label={tr("pf.subgroup")}
          placeholder={tr("checkout.choose")}
          options={subgroups.map((s) => ({ value: s.slug, label: name(s) }))}
          defaultValue={subgroups.some((s) => s.slug === values.subgroup_slug) ? values.subgroup_slug : ""}
          error={errors.subgroup_slug}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField {...field("price")} label={tr("vp.price")} required inputMode="numeric" hint={tr("pf.priceHint")} />
        <TextField {...field("unit")} label={tr("vp.unit")} />
        <TextField {...field("weight")} label={tr("pf.weight")} inputMode="numeric" />
        <TextField
          {...field("stock")}
          label={tr("ps.stock")}
          inputMode="numeric"
          hint={stockHint ?? tr("ps.stockHint")}
        />
      </div>
      <TextArea {...field("description")} label={tr("vp.description")} />
      <TextArea {...field("description_en")} label={`${tr("pf.englishDescription")} (${tr("form.optional")})`} />
      {photos.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-ink">{tr("pf.currentPhotos")}</legend>
          <ul className="grid gap-3 sm:grid-cols-2">
            {photos.map((p, i) => (
              <li
                key={p.url}
                className="flex gap-3 rounded-lg border border-clay bg-white p-2"
                data-testid="current-photo"
              >
                <ProductImage src={p.url} alt={p.metadata?.alt ?? ""} className="h-20 w-20 shrink-0 rounded" />
                <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="keep_photo" value={p.url} defaultChecked />
                    {tr("pf.keepPhoto")}
                  </label>
                  <input
                    name={`alt_${i}`}
                    aria-label={tr("pf.photoAlt")}
                    placeholder={tr("pf.photoAlt")}
                    defaultValue={p.metadata?.alt ?? ""}
                    className="w-full rounded border border-clay px-2 py-1"
                  />
                  <input type="hidden" name={`photo_${i}`} value={p.url} />
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <FileField
        name="photos"
        label={photos.length > 0 ? tr("pf.addPhotos") : tr("pf.photos")}
        hint={tr("pf.photosHint")}
        accept="image/jpeg,image/png,image/webp"
        multiple
        error={errors.photos ?? errors.images}
      />
      <TextField {...field("photo_alt")} label={tr("pf.photoAlt")} />
    </>
  );
}
