import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClasses } from "~/components/Button";
import { Container } from "~/components/Container";
import { CuratedLists, ProductShelf, ShelfSection } from "~/components/Showcase";
import { t, useLang, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS, getLang } from "~/lib/lang.server";
import { getGroups, getProvinces } from "~/lib/backend/reference-data.server";
import { getShowcase } from "~/lib/backend/showcase.server";
import { langFromMatches, pageSeo } from "~/lib/meta";
import { hydrateAfterLoad } from "~/lib/hydrate-after-load";

/**
 * The shop front: the platform's featured lists, campaigns in force with their dates, the product
 * groups and the 34 provinces to browse, the newest 5★ products and the newest certified ones.
 * One backend call (GET /store/ocop/showcase); provinces and groups are cached reference data.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await getLang(request);
  const [showcase, provinces, groups] = await Promise.all([getShowcase({}, lang), getProvinces(), getGroups()]);
  return data(
    {
      showcase,
      provinces: provinces.map((p) => ({ slug: p.slug, name_vi: p.name_vi })),
      groups: groups.map((g) => ({ slug: g.slug, name_vi: g.name_vi, name_en: g.name_en })),
    },
    { headers: PUBLIC_CACHE_HEADERS }
  );
}

const GROUP_TILE =
  "flex h-full min-h-14 items-center rounded-xl border border-clay bg-white px-4 py-3 font-medium text-ink " +
  "shadow-sm hover:border-lacquer-600 hover:text-lacquer-700";
const PROVINCE_CHIP =
  "inline-block rounded-full border border-clay bg-white px-3 py-1.5 text-sm text-ink " +
  "hover:border-lacquer-600 hover:text-lacquer-700";

// A catalogue page: painted from its HTML first, hydrated after load (lib/hydrate-after-load.tsx).
export const handle = hydrateAfterLoad;

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const lang = langFromMatches(matches);
  return pageSeo({
    matches,
    path: "/",
    title: t(lang, "home.heroTitle"),
    documentTitle: t(lang, "home.title"),
    description: t(lang, "seo.homeDescription"),
  });
};

export default function Home() {
  const { showcase, provinces, groups } = useLoaderData<typeof loader>();
  const newest = showcase.newest;
  const tr = useT();
  const lang = useLang();
  const empty = !showcase.featured.length && !showcase.fiveStar.products.length && !newest.products.length;
  return (
    <>
      <section className="border-b border-clay bg-gradient-to-br from-lacquer-50 via-paper to-gold-50">
        <Container className="py-8 sm:py-14">
          <p className="text-sm font-semibold uppercase tracking-wider text-lacquer-600">{tr("home.heroKicker")}</p>
          <h1 className="mt-2 max-w-3xl font-display text-3xl font-bold leading-tight text-ink sm:text-5xl">
            {tr("home.heroTitle")}
          </h1>
          <p className="mt-3 max-w-2xl text-ink-soft sm:mt-4 sm:text-lg">{tr("home.heroBody")}</p>
          <div className="mt-5 flex flex-wrap gap-3 sm:mt-6">
            <Link to="/search?sort=newest" className={buttonClasses("primary")}>
              {tr("home.productsHeading")}
            </Link>
            <Link to="/verify" className={buttonClasses("secondary")}>
              {tr("home.heroVerify")}
            </Link>
          </div>
        </Container>
      </section>

      <Container className="py-10">
        <CuratedLists lists={showcase.featured} prefix="featured" />
        {showcase.campaigns.length ? (
          <div data-testid="campaigns">
            <h2 className="mt-10 font-display text-sm font-semibold uppercase tracking-wider text-lacquer-600">
              {tr("discovery.campaignsHeading")}
            </h2>
            <CuratedLists lists={showcase.campaigns} prefix="campaign" dated />
          </div>
        ) : null}

        <ShelfSection id="groups-heading" title={tr("discovery.browseGroups")} testId="browse-groups">
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {groups.map((g) => (
              <li key={g.slug}>
                <Link to={`/groups/${g.slug}`} className={GROUP_TILE}>
                  {lang === "vi" ? g.name_vi : g.name_en}
                </Link>
              </li>
            ))}
          </ul>
        </ShelfSection>

        <ProductShelf
          id="five-star-heading"
          title={tr("discovery.newestFiveStar")}
          shelf={showcase.fiveStar}
          more={{ to: "/search?stars=5&sort=newest", label: tr("discovery.seeAll") }}
          testId="five-star"
        />

        <ShelfSection
          id="provinces-heading"
          title={tr("discovery.browseProvinces")}
          note={tr("discovery.browseProvincesIntro")}
          testId="browse-provinces"
        >
          <ul className="flex flex-wrap gap-2">
            {provinces.map((p) => (
              <li key={p.slug}>
                <Link to={`/provinces/${p.slug}`} className={PROVINCE_CHIP}>
                  {p.name_vi}
                </Link>
              </li>
            ))}
          </ul>
        </ShelfSection>

        <ProductShelf
          id="products"
          title={tr("discovery.newestProducts")}
          shelf={newest}
          more={{ to: "/search?sort=newest", label: tr("discovery.seeAll") }}
          testId="newest"
        />
        {empty ? (
          <p className="mt-10 rounded-xl border border-dashed border-clay bg-white p-8 text-center text-ink-soft">
            {tr("home.empty")}
          </p>
        ) : null}
      </Container>
    </>
  );
}
