// GET /robots.txt — shop pages are open; portals, cart, checkout, accounts and orders are not.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { robotsTxt } from "~/lib/sitemap";
import { publicSiteUrl } from "~/lib/site-url.server";

export function loader({ request }: LoaderFunctionArgs) {
  return new Response(robotsTxt(publicSiteUrl(request)), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
