/**
 * Producer forms that carry files (product photos, logo, certificate scan): read the multipart
 * body with a size cap, then send each file to the backend, which sniffs, re-encodes and refuses.
 */
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { type UploadPurpose, uploadFile } from "./backend/producer-portal.server";
import type { z } from "zod";
import { keptValues, parseForm } from "./forms";
import type { Lang } from "./i18n";

/** The backend's largest accepted file; a bigger part is refused here before anything is sent. */
const MAX_PART_BYTES = 10 * 1024 * 1024;

/** The form, or `tooLarge` when a file is over the cap (the form's text fields are then lost: re-render empty). */
export async function readPortalForm(request: Request): Promise<{ form: FormData; tooLarge: boolean }> {
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return { form: await request.formData(), tooLarge: false };
  }
  try {
    const form = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_PART_BYTES }));
    return { form, tooLarge: false };
  } catch {
    return { form: new FormData(), tooLarge: true };
  }
}

/** The non-empty files a form field holds (a file input left empty sends one empty part). */
export function filesIn(form: FormData, field: string): File[] {
  return form.getAll(field).filter((v): v is File => typeof v === "object" && v !== null && v.size > 0);
}

/**
 * Uploads each file of `field`; the upload ids in order, or the backend's refusal of the first
 * bad file (in the page's language) to show next to that field.
 */
export async function uploadAll(
  token: string,
  form: FormData,
  field: string,
  purpose: UploadPurpose,
  lang: Lang
): Promise<{ ok: true; ids: string[] } | { ok: false; error: string }> {
  const ids: string[] = [];
  for (const file of filesIn(form, field)) {
    const result = await uploadFile(token, purpose, file);
    if (!result.ok) {
      const vi = lang === "vi" ? result.errors_vi : undefined;
      const error = vi?.file ?? vi?.purpose ?? result.errors.file ?? result.errors.purpose;
      return {
        ok: false,
        error: `${file.name}: ${error ?? (lang === "vi" ? result.message_vi : undefined) ?? result.message}`,
      };
    }
    ids.push(result.data.id);
  }
  return { ok: true, ids };
}

/**
 * The product's photos after a form post: the current ones still ticked (in their order, with
 * their edited alt text), then the new uploads (sharing the typed alt text). Undefined when the
 * form did not touch photos, so the backend keeps them as they are.
 */
export function photosPayload(
  form: FormData,
  newIds: string[]
): Array<{ url?: string; upload_id?: string; alt?: string | null }> | undefined {
  const kept = new Set(form.getAll("keep_photo").map(String));
  const current: Array<{ url: string; alt: string | null }> = [];
  for (let i = 0; form.has(`photo_${i}`); i++) {
    const url = String(form.get(`photo_${i}`));
    if (kept.has(url)) current.push({ url, alt: String(form.get(`alt_${i}`) ?? "").trim() || null });
  }
  const hadPhotos = form.has("photo_0");
  if (!hadPhotos && newIds.length === 0) return undefined;
  const alt = String(form.get("photo_alt") ?? "").trim() || null;
  return [...current, ...newIds.map((upload_id) => ({ upload_id, alt }))];
}

type ProductFormRefusal = { errors: Record<string, string>; values: Record<string, string>; formError: string };

/**
 * A posted product form (new or edited): its fields parsed with `schema` and its new photos sent to
 * the backend; or what to show again when a photo is too large, a field is wrong or an upload refused.
 */
export async function readProductForm<S extends z.ZodTypeAny>(
  request: Request,
  token: string,
  lang: Lang,
  schema: S
): Promise<
  | { ok: true; form: FormData; data: z.infer<S>; images: ReturnType<typeof photosPayload> }
  | { ok: false; refusal: ProductFormRefusal }
> {
  const { form, tooLarge } = await readPortalForm(request);
  if (tooLarge)
    return { ok: false, refusal: { errors: { photos: "pu.tooLarge" }, values: {}, formError: "form.fixErrors" } };
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return { ok: false, refusal: { ...parsed, formError: "form.fixErrors" } };
  const photos = await uploadAll(token, form, "photos", "product_image", lang);
  if (!photos.ok) {
    const refusal = { errors: { photos: photos.error }, values: keptValues(form), formError: "form.fixErrors" };
    return { ok: false, refusal };
  }
  return { ok: true, form, data: parsed.data, images: photosPayload(form, photos.ids) };
}
