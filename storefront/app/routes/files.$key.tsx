import type { LoaderFunctionArgs } from "@remix-run/node";
import { backendBaseUrl } from "~/lib/backend/client.server";

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

/** GET /files/:key — a producer's uploaded photo, logo or certificate scan, fetched from the backend. */
export async function loader({ params }: LoaderFunctionArgs) {
  const key = params.key ?? "";
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Response(null, { status: 404 });
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
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
}
