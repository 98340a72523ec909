/**
 * Producer forms that carry files (product photos, logo, certificate scan): read the multipart
 * body with a size cap, then send each file to the backend, which sniffs, re-encodes and refuses.
 */
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { type UploadPurpose, uploadFile } from "./backend/producer-portal.server";
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
