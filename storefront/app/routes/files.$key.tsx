import type { LoaderFunctionArgs } from "@remix-run/node";
import { backendBaseUrl } from "~/lib/backend/client.server";
import { RESIZABLE_TYPES, requestedWidth, resizedPhoto } from "~/lib/photo-resize.server";

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
/** Headers of the backend's answer that this page passes on (type, caching, and what keeps a file inert). */
const PASSED = [
  "content-type",
  "content-length",
  "content-disposition",
  "cache-control",
  "etag",
  "last-modified",
  "content-security-policy",
];
/** A resized photo is another file: its own type and length, the original's lifetime and CSP. */
const PASSED_WHEN_RESIZED = ["cache-control", "content-security-policy"];

/**
 * GET /files/:key — a producer's uploaded photo, logo or certificate scan, fetched from the backend;
 * `?w=640` (one of PHOTO_WIDTHS) gives a photo in that width as WebP (lib/photo-resize.server.ts).
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const key = params.key ?? "";
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Response(null, { status: 404 });
  const width = requestedWidth(new URL(request.url).searchParams.get("w"));
  if (width === "invalid") {
    throw new Response("w: not one of the widths this site serves photos in", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${backendBaseUrl()}/ocop/files/${encodeURIComponent(key)}`, { redirect: "manual" });
  } catch {
    throw new Response(null, { status: 503 });
  }
  // Object storage (S3): the backend answers with the bucket's address.
  const location = upstream.headers.get("location");
  if (upstream.status >= 300 && upstream.status < 400 && location) {
    return new Response(null, { status: 302, headers: { location, "cache-control": "private, max-age=300" } });
  }
  if (!upstream.ok || !upstream.body) throw new Response(null, { status: upstream.status === 404 ? 404 : 502 });
  const headers = new Headers({ "x-content-type-options": "nosniff" });
  const type = upstream.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
  if (width !== null && RESIZABLE_TYPES.has(type)) {
    let body: Buffer;
    let originalRead = false;
    try {
      body = await resizedPhoto(key, width, async () => {
        originalRead = true;
        return Buffer.from(await upstream.arrayBuffer());
      });
    } catch {
      // not a decodable photo after all: the stored file, as it is
      throw new Response(null, { status: 502 });
    } finally {
      // The backend still says whether the file exists; a resized copy from memory leaves its body
      // unread, and an unread body holds its connection to the backend until garbage collection.
      if (!originalRead) await upstream.body.cancel().catch(() => {});
    }
    for (const name of PASSED_WHEN_RESIZED) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    headers.set("content-type", "image/webp");
    headers.set("content-length", String(body.length));
    return new Response(new Uint8Array(body), { status: 200, headers });
  }
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
}
