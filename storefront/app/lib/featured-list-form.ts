/**
 * The curator's featured-list form: its fields, how a posted form becomes the API body, and the
 * field errors (i18n keys). Shared by the create and edit pages.
 */
import type { FieldErrors } from "./forms";

export const FEATURED_PLACEMENTS = ["province", "campaign"] as const;
export const MAX_FEATURED_PRODUCTS = 48;

export type FeaturedListForm = {
  title_vi: string;
  title_en: string | null;
  placement: (typeof FEATURED_PLACEMENTS)[number];
  product_ids: string[];
  starts_at: string | null;
  ends_at: string | null;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const validDay = (value: string) => DAY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());

/** Picked products in the curator's order: by the number typed beside each, unnumbered ones last, ties as listed. */
export function orderedPicks(form: FormData): string[] {
  const picks = [...new Set(form.getAll("pick").map(String).filter(Boolean))];
  const position = (id: string) => {
    const n = Number(String(form.get(`position_${id}`) ?? "").trim());
    return Number.isFinite(n) && n > 0 ? n : Number.POSITIVE_INFINITY;
  };
  return picks
    .map((id, index) => ({ id, index, at: position(id) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((p) => p.id);
}

export function parseFeaturedListForm(
  form: FormData
): { ok: true; data: FeaturedListForm } | { ok: false; errors: FieldErrors; values: Record<string, string> } {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const values = {
    title_vi: text("title_vi"),
    title_en: text("title_en"),
    placement: text("placement"),
    starts_at: text("starts_at"),
    ends_at: text("ends_at"),
  };
  const errors: FieldErrors = {};
  if (values.title_vi.length < 2) errors.title_vi = "form.tooShort";
  else if (values.title_vi.length > 200) errors.title_vi = "form.tooLong";
  if (values.title_en.length > 200) errors.title_en = "form.tooLong";
  if (!(FEATURED_PLACEMENTS as readonly string[]).includes(values.placement)) errors.placement = "form.choose";
  if (values.starts_at && !validDay(values.starts_at)) errors.starts_at = "tc.badDate";
  if (values.ends_at && !validDay(values.ends_at)) errors.ends_at = "tc.badDate";
  if (!errors.starts_at && !errors.ends_at && values.starts_at && values.ends_at && values.ends_at <= values.starts_at)
    errors.ends_at = "tc.endsAfter";
  const product_ids = orderedPicks(form);
  if (product_ids.length === 0) errors.product_ids = "tc.pickOne";
  else if (product_ids.length > MAX_FEATURED_PRODUCTS) errors.product_ids = "tc.tooMany";
  if (Object.keys(errors).length) return { ok: false, errors, values: { ...values, picks: product_ids.join(",") } };
  return {
    ok: true,
    data: {
      title_vi: values.title_vi,
      title_en: values.title_en || null,
      placement: values.placement as FeaturedListForm["placement"],
      product_ids,
      starts_at: values.starts_at || null,
      ends_at: values.ends_at || null,
    },
  };
}

/** Whether a list shows now, later, or no more (dates are calendar days in Vietnam). */
export function featuredListState(
  list: { starts_at?: string | null; ends_at?: string | null },
  now = new Date()
): "active" | "scheduled" | "ended" {
  if (list.starts_at && new Date(list.starts_at) > now) return "scheduled";
  if (list.ends_at && new Date(list.ends_at) <= now) return "ended";
  return "active";
}
