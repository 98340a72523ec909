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

/** The seed's artwork at the backend's /static, as its address on this site (routes/static.ocop.$.tsx). */
const BACKEND_ARTWORK = /^https?:\/\/[^/]+(\/static\/ocop\/[^?#]+\.svg)$/;

/**
 * Generated artwork through this site, like uploads: a page's largest image then needs no
 * connection to a second host (issue 14, LCP), and no backend address reaches the page.
 */
export function sameSiteArtwork(url: string | null): string | null {
  return url?.replace(BACKEND_ARTWORK, "$1") ?? null;
}

/** The image URL to show in a language: generated artwork gets #en on English pages. */
export function imageSrcInLang(url: string | null, lang: "vi" | "en"): string | null {
  if (!url || lang !== "en" || !GENERATED_ARTWORK.test(url)) return url;
  return `${url}#en`;
}

/** Widths the /files route resizes an uploaded photo to (`?w=`); anything else is refused. */
export const PHOTO_WIDTHS = [320, 640, 960, 1280] as const;
/** Uploaded photos it resizes: raster formats (artwork is SVG, certificates are PDF). */
const RESIZABLE_UPLOAD = /^\/files\/[^/?#]+\.(jpe?g|png|webp)$/i;

/**
 * srcset of an uploaded photo in the widths above, and the middle width for browsers without
 * srcset; null for anything else (generated SVG artwork is sharp at every width).
 */
export function photoSrcSet(src: string): { srcSet: string; fallback: string } | null {
  if (!RESIZABLE_UPLOAD.test(src)) return null;
  return { srcSet: PHOTO_WIDTHS.map((w) => `${src}?w=${w} ${w}w`).join(", "), fallback: `${src}?w=640` };
}
