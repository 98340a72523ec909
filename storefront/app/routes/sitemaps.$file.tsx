// GET /sitemaps/<kind>[-<page>].xml — one sitemap file of the index at /sitemap.xml.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getGroups, getProvinces } from "~/lib/backend/reference-data.server";
import { getSitemapPage } from "~/lib/backend/sitemap.server";
import { XML_HEADERS, urlsetXml, type SitemapUrl } from "~/lib/sitemap";
import { publicSiteUrl } from "~/lib/site-url.server";

const FILE = /^(pages|provinces|groups|producers|products)(?:-([1-9]\d{0,4}))?\.xml$/;

async function urlsOf(kind: string, page: number): Promise<SitemapUrl[] | null> {
  switch (kind) {
    case "pages":
      return [{ path: "/" }, { path: "/search" }, { path: "/verify" }];
    case "provinces":
      return (await getProvinces()).map((p) => ({ path: `/provinces/${p.slug}` }));
    case "groups":
      return (await getGroups()).flatMap((g) => [
        { path: `/groups/${g.slug}` },
        ...g.subgroups.map((s) => ({ path: `/groups/${s.slug}` })),
      ]);
    case "producers":
    case "products": {
      const result = await getSitemapPage(kind, page);
      if (!result) return null;
      const base = kind === "products" ? "/products/" : "/producers/";
      return result.entries.map((e) => ({ path: `${base}${encodeURIComponent(e.handle)}`, lastmod: e.updated_at }));
    }
    default:
      return null;
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  if (!match) throw new Response("Not found\n", { status: 404 });
  const [, kind, page] = match;
  const paged = kind === "products" || kind === "producers";
  if (paged !== Boolean(page)) throw new Response("Not found\n", { status: 404 });
  const urls = await urlsOf(kind, Number(page ?? 1));
  if (!urls) return new Response("Sitemap temporarily unavailable.\n", { status: 503 });
  if (paged && urls.length === 0 && page !== "1") throw new Response("Not found\n", { status: 404 });
  return new Response(urlsetXml(publicSiteUrl(request), urls), { headers: XML_HEADERS });
}
