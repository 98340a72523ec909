import { useState } from "react";
import { FileField, SelectField, TextArea, TextField } from "~/components/Field";
import { ProductImage } from "~/components/ProductImage";
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
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="title"
          label={tr("vp.productTitle")}
          required
          defaultValue={values.title}
          error={errors.title}
        />
        <TextField
          name="title_en"
          label={`${tr("vp.titleEn")} (${tr("form.optional")})`}
          defaultValue={values.title_en}
          error={errors.title_en}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="f-group_slug" className="text-sm font-medium text-ink">
            {tr("pf.group")}
          </label>
          <select
            id="f-group_slug"
            name="group_slug"
            value={group}
            onChange={(e) => setGroup(e.target.value)}
            className="w-full rounded-lg border border-clay bg-white px-3 py-2 text-sm"
          >
            <option value="">{tr("checkout.choose")}</option>
            {groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {name(g)}
              </option>
            ))}
          </select>
          {errors.group_slug ? <p className="text-sm font-medium text-lacquer-700">{errors.group_slug}</p> : null}
        </div>
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
        <TextField
          name="price"
          label={tr("vp.price")}
          required
          inputMode="numeric"
          hint={tr("pf.priceHint")}
          defaultValue={values.price}
          error={errors.price}
        />
        <TextField name="unit" label={tr("vp.unit")} defaultValue={values.unit} error={errors.unit} />
        <TextField
          name="weight"
          label={tr("pf.weight")}
          inputMode="numeric"
          defaultValue={values.weight}
          error={errors.weight}
        />
        <TextField
          name="stock"
          label={tr("ps.stock")}
          inputMode="numeric"
          hint={stockHint ?? tr("ps.stockHint")}
          defaultValue={values.stock}
          error={errors.stock}
        />
      </div>
      <TextArea
        name="description"
        label={tr("vp.description")}
        defaultValue={values.description}
        error={errors.description}
      />
      <TextArea
        name="description_en"
        label={`${tr("pf.englishDescription")} (${tr("form.optional")})`}
        defaultValue={values.description_en}
        error={errors.description_en}
      />
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
      <TextField name="photo_alt" label={tr("pf.photoAlt")} defaultValue={values.photo_alt} error={errors.photo_alt} />
    </>
  );
}
