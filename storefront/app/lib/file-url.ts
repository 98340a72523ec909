/**
 * Files uploaded by producers are stored by key; the backend serves them at `/ocop/files/<key>` and
 * rows hold that relative path (never a backend host). The browser fetches them from this site at
 * `/files/<key>` (routes/files.$key.tsx), so no backend address reaches a page, whatever the number
 * of backend servers. Absolute URLs (seed images, an S3 bucket) pass through unchanged.
 */
const BACKEND_FILE_PREFIX = "/ocop/files/";

export function publicFileSrc(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith(BACKEND_FILE_PREFIX)) return `/files/${url.slice(BACKEND_FILE_PREFIX.length)}`;
  return url;
}

/**
 * The seed's generated artwork (`…/static/ocop/…/<handle>.svg`, seed/src/lib/svg.ts) carries the
 * product's English name too, drawn when the image is loaded with the #en fragment.
 */
const GENERATED_ARTWORK = /\/static\/ocop\/[^?#]+\.svg$/;

/** The image URL to show in a language: generated artwork gets #en on English pages. */
export function imageSrcInLang(url: string | null, lang: "vi" | "en"): string | null {
  if (!url || lang !== "en" || !GENERATED_ARTWORK.test(url)) return url;
  return `${url}#en`;
}
