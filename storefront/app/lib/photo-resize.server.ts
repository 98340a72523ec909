/**
 * Uploaded product photos in the width a page shows them (issue 14: a phone downloads a 640 px
 * WebP, not the producer's 4000 px original). Keys never change content (a new upload is a new
 * key), so a resized copy is kept in memory, bounded by bytes, and sent with the original's
 * year-long cache lifetime: a CDN in front keeps it too.
 */
import sharp from "sharp";
import { PHOTO_WIDTHS } from "./file-url";

/** Raster types worth resizing; anything else (SVG, PDF, GIF) goes out as stored. */
export const RESIZABLE_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);
const CACHE_BYTES = 32 * 1024 * 1024;
/** Refuse decompression bombs: a 40 MP photo is far above any phone camera's useful size. */
const MAX_INPUT_PIXELS = 40_000_000;

/** The `w` query parameter: absent → null (the original), one of PHOTO_WIDTHS → that width, else "invalid". */
export function requestedWidth(param: string | null): number | null | "invalid" {
  if (param === null) return null;
  const width = Number(param);
  return (PHOTO_WIDTHS as readonly number[]).includes(width) ? width : "invalid";
}

const cache = new Map<string, Buffer>();
let cachedBytes = 0;

function remember(key: string, body: Buffer) {
  cache.set(key, body);
  cachedBytes += body.length;
  // Oldest first (a Map keeps insertion order; a hit re-inserts its entry).
  for (const [oldKey, old] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(oldKey);
    cachedBytes -= old.length;
  }
}

/** Resizes under way, by cache key: parallel requests for a photo not yet in memory share one. */
const resizing = new Map<string, Promise<Buffer>>();

/** The photo at `width` px wide (never enlarged), as WebP, upright per its EXIF orientation. */
export async function resizedPhoto(fileKey: string, width: number, original: () => Promise<Buffer>): Promise<Buffer> {
  const key = `${fileKey}@${width}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // A page shows a new photo to many phones at once: one decode and resize for all of them, not one each.
  const pending = resizing.get(key);
  if (pending) return pending;
  const work = (async () => {
    const body = await sharp(await original(), { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer();
    remember(key, body);
    return body;
  })();
  resizing.set(key, work);
  try {
    return await work;
  } finally {
    resizing.delete(key);
  }
}
