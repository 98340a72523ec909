import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Container } from "~/components/Container";
import { Pagination, parsePage } from "~/components/Pagination";
import { ProductGrid } from "~/components/ProductGrid";
import { useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS } from "~/lib/lang.server";
import { getListings, searchProducts } from "~/lib/medusa.server";
import { langFromMatches, titleFor } from "~/lib/meta";

const PAGE_SIZE = 24;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").normalize("NFC").trim().slice(0, 200);
  const page = parsePage(params.get("page"));
  if (!q) return data({ q, products: [], listings: {}, count: 0, page: 1, pages: 1 }, { headers: PUBLIC_CACHE_HEADERS });
  const { products, count } = await searchProducts(q, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const listings = await getListings(products.map((p) => p.id));
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  return data({ q, products, listings, count, page, pages }, { headers: PUBLIC_CACHE_HEADERS });
}

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const meta: MetaFunction = ({ matches }) => [titleFor(langFromMatches(matches), "search.title")];

export default function SearchPage() {
  const { q, products, listings, count, page, pages } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const tr = useT();
  return (
    <Container className="py-10">
      <h1 className="font-display text-3xl font-bold">{q ? tr("search.resultsFor", { q }) : tr("search.title")}</h1>
      {q ? <p className="mt-1 text-ink-soft">{tr("search.count", { n: count })}</p> : null}
      <div className="mt-6">
        {!q ? (
          <p className="text-ink-soft">{tr("search.prompt")}</p>
        ) : products.length === 0 ? (
          <p className="rounded-xl border border-dashed border-clay bg-white p-8 text-center text-ink-soft">
            {tr("search.none")}
          </p>
        ) : (
          <ProductGrid products={products} listings={listings} />
        )}
      </div>
      <Pagination page={page} pages={pages} search={search} />
    </Container>
  );
}
