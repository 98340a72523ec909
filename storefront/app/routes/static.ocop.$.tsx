import type { LoaderFunctionArgs } from "@remix-run/node";
import { backendBaseUrl } from "~/lib/backend/client.server";

/** seed/src/lib/svg.ts names artwork `ocop/<two letters>/<handle>.svg`. */
const ARTWORK_PATH = /^[A-Za-z0-9-]{1,8}\/[A-Za-z0-9-]{1,200}\.svg$/;
/** What keeps an SVG inert if opened on its own (the backend's CSP and nosniff), and its validators. */
const PASSED = ["content-type", "content-length", "content-security-policy", "etag", "last-modified"];

/**
 * GET /static/ocop/<…>.svg — the demo catalogue's generated artwork, fetched from the backend's
 * /static (lib/file-url.ts `sameSiteArtwork`): served from this site, a product page's largest image
 * needs no connection to a second host before it can show (issue 14, LCP).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const path = params["*"] ?? "";
  if (!ARTWORK_PATH.test(path)) throw new Response(null, { status: 404 });
  let upstream: Response;
  try {
    upstream = await fetch(`${backendBaseUrl()}/static/ocop/${path}`);
  } catch {
    throw new Response(null, { status: 503 });
  }
  if (!upstream.ok || !upstream.body) throw new Response(null, { status: upstream.status === 404 ? 404 : 502 });
  const headers = new Headers({
    "x-content-type-options": "nosniff",
    // Artwork is drawn once by the seed for a handle; an hour in the browser, a day behind a CDN.
    "cache-control": "public, max-age=3600, s-maxage=86400",
  });
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: 200, headers });
}
