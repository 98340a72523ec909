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
