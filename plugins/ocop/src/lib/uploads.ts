/**
 * Producer uploads (product photos, shop logo, certificate scan): what each purpose accepts, how a
 * file's real kind is read from its first bytes, and how a stored file key becomes a URL.
 *
 * The client's Content-Type and file name are never trusted: the kind comes from the magic bytes,
 * and only JPEG, PNG, WebP (and PDF for a certificate scan) exist. SVG, HTML or anything else is
 * refused, so nothing a browser would run is ever stored. Rows keep the file KEY (or a path
 * relative to the backend, `/ocop/files/<key>`), never an absolute backend URL: several backend
 * servers, or a CDN in front, serve the same rows.
 */

export type FileKind = "jpeg" | "png" | "webp" | "pdf"
export const UPLOAD_PURPOSES = ["product_image", "logo", "certificate_scan"] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]

const MB = 1024 * 1024
/** The largest file any purpose accepts (multer's limit; each purpose may allow less). */
export const MAX_UPLOAD_BYTES = 10 * MB

export const UPLOAD_RULES: Record<UploadPurpose, { kinds: FileKind[]; maxBytes: number }> = {
  product_image: { kinds: ["jpeg", "png", "webp"], maxBytes: 8 * MB },
  logo: { kinds: ["jpeg", "png", "webp"], maxBytes: 2 * MB },
  certificate_scan: { kinds: ["jpeg", "png", "webp", "pdf"], maxBytes: MAX_UPLOAD_BYTES },
}

export const MIME_OF: Record<FileKind, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
}

export const EXTENSION_OF: Record<FileKind, string> = { jpeg: "jpg", png: "png", webp: "webp", pdf: "pdf" }

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b)

/** The file's kind from its first bytes, or null for anything we do not store (SVG, HTML, GIF, …). */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg"
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png"
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp"
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf" // %PDF-
  return null
}

export type Bilingual = { vi: string; en: string }

const KIND_NAMES: Record<UploadPurpose, Bilingual> = {
  product_image: { vi: "ảnh JPEG, PNG hoặc WebP", en: "a JPEG, PNG or WebP image" },
  logo: { vi: "ảnh JPEG, PNG hoặc WebP", en: "a JPEG, PNG or WebP image" },
  certificate_scan: { vi: "ảnh JPEG, PNG, WebP hoặc tệp PDF", en: "a JPEG, PNG or WebP image or a PDF" },
}

const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`

/** Why this file cannot be stored for this purpose (both languages), or null when it can. */
export function uploadRefusal(purpose: UploadPurpose, bytes: Uint8Array): Bilingual | null {
  const rule = UPLOAD_RULES[purpose]
  if (bytes.length === 0) return { vi: "Tệp rỗng.", en: "The file is empty." }
  if (bytes.length > rule.maxBytes) {
    return {
      vi: `Tệp quá lớn: tối đa ${megabytes(rule.maxBytes)}.`,
      en: `The file is too large: at most ${megabytes(rule.maxBytes)}.`,
    }
  }
  const kind = sniffFileKind(bytes)
  if (!kind || !rule.kinds.includes(kind)) {
    return {
      vi: `Loại tệp không được nhận: hãy gửi ${KIND_NAMES[purpose].vi} (SVG, HTML và các loại khác bị từ chối).`,
      en: `This kind of file is not accepted: send ${KIND_NAMES[purpose].en} (SVG, HTML and others are refused).`,
    }
  }
  return null
}

/** The path (relative to the backend) that serves a stored file; the storefront proxies it as /files/<key>. */
export const FILE_PATH_PREFIX = "/ocop/files/"

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/

export function isSafeFileKey(key: string): boolean {
  return SAFE_KEY.test(key) && !key.includes("..")
}

/** The URL a row stores and a read model returns for a file key (relative: resolved by whoever shows it). */
export function fileUrl(key: string | null | undefined): string | null {
  return key && isSafeFileKey(key) ? `${FILE_PATH_PREFIX}${key}` : null
}

/** The key inside a stored file URL, or null when the URL is not one of ours. */
export function fileKeyOf(url: string | null | undefined): string | null {
  if (!url?.startsWith(FILE_PATH_PREFIX)) return null
  const key = url.slice(FILE_PATH_PREFIX.length)
  return isSafeFileKey(key) ? key : null
}

/** A certification as read by any portal or page: its scan's URL, resolved from the stored key at read time. */
export function withScanUrl<T extends { scan_file_key?: string | null }>(
  certification: T
): T & { scan_url: string | null } {
  return { ...certification, scan_url: fileUrl(certification.scan_file_key) }
}

type UploadLookup = (filter: {
  id: string[]
  producer_id: string
  purpose: UploadPurpose
}) => Promise<Array<{ id: string; file_key: string }>>

/**
 * A producer's chosen uploads for one purpose, in the order given, as stored URLs — or the field
 * errors (`<field>.<i>.upload_id`) for any that is not this producer's upload of that purpose.
 */
export async function ownUploadUrls(
  lookup: UploadLookup,
  producerId: string,
  purpose: UploadPurpose,
  field: string,
  ids: string[]
): Promise<{ errors: Record<string, string>; urls: string[] }> {
  const found = ids.length ? await lookup({ id: [...new Set(ids)], producer_id: producerId, purpose }) : []
  const keyById = new Map(found.map((u) => [u.id, u.file_key]))
  const errors: Record<string, string> = {}
  const urls: string[] = []
  ids.forEach((id, i) => {
    const url = fileUrl(keyById.get(id))
    if (url) urls.push(url)
    else errors[`${field}.${i}.upload_id`] = `Upload ${id} is not one of your ${purpose.replace("_", " ")} uploads.`
  })
  return { errors, urls }
}
