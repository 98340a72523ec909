import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { buttonClasses } from "~/components/Button";
import { Container } from "~/components/Container";
import { Pagination, parsePage } from "~/components/Pagination";
import { ProductGrid } from "~/components/ProductGrid";
import { t, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS, getLang } from "~/lib/lang.server";
import { getListings } from "~/lib/backend/ocop-facts.server";
import { listProducts } from "~/lib/backend/products.server";
import { searchCatalogue } from "~/lib/backend/search.server";
import type { CardFacts, ProductSummary } from "~/lib/backend/views";
import { langFromMatches } from "~/lib/meta";

const PAGE_SIZE = 24;

/**
 * Newest listed products through GET /store/ocop/search (hits carry price,
 * stars, province, producer): ~100 ms at 100k products, where Medusa's
 * /store/products list costs seconds. The core list is only a fallback.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const page = Math.min(parsePage(new URL(request.url).searchParams.get("page")), 1000);
  const lang = await getLang(request);
  const outcome = await searchCatalogue(
    new URLSearchParams({ sort: "newest", page: String(page), limit: String(PAGE_SIZE), locale: lang })
  );
  let products: ProductSummary[];
  let listings: Record<string, CardFacts>;
  let count: number;
  if (outcome.ok) {
    ({ products, facts: listings, total: count } = outcome.result);
  } else {
    ({ products, count } = await listProducts({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
    listings = await getListings(products.map((p) => p.id));
  }
  const pages = Math.max(1, Math.min(1000, Math.ceil(count / PAGE_SIZE)));
  return data({ products, listings, count, page, pages }, { headers: PUBLIC_CACHE_HEADERS });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches);
  return [{ title: t(lang, "home.title") }, { name: "description", content: t(lang, "home.description") }];
};

export default function Home() {
  const { products, listings, page, pages } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const tr = useT();
  return (
    <>
      <section className="border-b border-clay bg-gradient-to-br from-lacquer-50 via-paper to-gold-50">
        <Container className="py-12 sm:py-16">
          <p className="text-sm font-semibold uppercase tracking-wider text-lacquer-600">{tr("home.heroKicker")}</p>
          <h1 className="mt-2 max-w-3xl font-display text-3xl font-bold leading-tight text-ink sm:text-5xl">
            {tr("home.heroTitle")}
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-ink-soft">{tr("home.heroBody")}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <a href="#products" className={buttonClasses("primary")}>
              {tr("home.productsHeading")}
            </a>
            <Link to="/verify" className={buttonClasses("secondary")}>
              {tr("home.heroVerify")}
            </Link>
          </div>
        </Container>
      </section>

      <Container className="py-10">
        <h2 id="products" className="mb-6 font-display text-2xl font-bold text-ink">
          {tr("home.productsHeading")}
        </h2>
        {products.length === 0 ? (
          <p className="rounded-xl border border-dashed border-clay bg-white p-8 text-center text-ink-soft">
            {tr("home.empty")}
          </p>
        ) : (
          <ProductGrid products={products} listings={listings} />
        )}
        <Pagination page={page} pages={pages} search={search} />
      </Container>
    </>
  );
}
