import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { SearchView } from "~/components/search/SearchView";
import { CuratedLists, ShelfSection } from "~/components/Showcase";
import { t, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS, getLang } from "~/lib/lang.server";
import { getProvinces } from "~/lib/backend/reference-data.server";
import { searchCatalogue } from "~/lib/backend/search.server";
import { EMPTY_SHOWCASE, getShowcase } from "~/lib/backend/showcase.server";
import { langFromMatches, notFoundSeo, pageSeo } from "~/lib/meta";
import { entityTypeKey } from "~/lib/ocop-display";
import { loadSearch } from "~/lib/search-page.server";

type Resolved = { slug: string; name_vi: string; formerNames: string[]; via: string | null };

/**
 * A current unit's slug, or a former province's (binh-thuan → Lâm Đồng, "via
 * Bình Thuận"). The province list is static reference data; if it cannot be
 * read, the search route resolves the slug itself.
 */
async function resolveProvince(slug: string): Promise<Resolved | null> {
  const provinces = await getProvinces();
  if (provinces.length) {
    const current = provinces.find((p) => p.slug === slug);
    const merged = current ?? provinces.find((p) => p.former_provinces.some((f) => f.slug === slug));
    if (!merged) return null;
    const via = current ? null : (merged.former_provinces.find((f) => f.slug === slug)?.name_vi ?? null);
    const formerNames = merged.former_provinces.map((f) => f.name_vi).filter((n) => n !== merged.name_vi);
    return { slug: merged.slug, name_vi: merged.name_vi, formerNames, via };
  }
  const outcome = await searchCatalogue(new URLSearchParams({ province: slug, limit: "1" }));
  if (!outcome.ok || !outcome.result.province) return null;
  const p = outcome.result.province;
  return { slug: p.slug, name_vi: p.name_vi, formerNames: [], via: p.former_name_vi };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = (params.slug ?? "").toLowerCase();
  const province = await resolveProvince(slug);
  if (!province) throw new Response(null, { status: 404 });
  // the curated shelves belong to the plain page, not to a filtered or later page of results
  const plain = new URL(request.url).search === "";
  const [search, showcase] = await Promise.all([
    loadSearch(request, { basePath: `/provinces/${slug}`, fixed: { province: province.slug } }),
    plain ? getShowcase({ province: province.slug }, await getLang(request)) : EMPTY_SHOWCASE,
  ]);
  return data({ ...search, province, showcase }, { headers: PUBLIC_CACHE_HEADERS });
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches);
  if (!data) return notFoundSeo(matches);
  // one page per unit: a former name's canonical URL is the current unit's
  return pageSeo({
    matches,
    path: `/provinces/${data.province.slug}`,
    title: t(lang, "search.provinceTitle", { name: data.province.name_vi }),
    description: t(lang, "seo.provinceDescription", { name: data.province.name_vi }),
  });
};

export default function ProvincePage() {
  const data = useLoaderData<typeof loader>();
  const tr = useT();
  const { province, showcase } = data;
  return (
    <>
      <SearchView
        data={data}
        kicker={tr("search.facet.province")}
        heading={tr("search.provinceTitle", { name: province.name_vi })}
        queryLabel={tr("search.searchIn", { name: province.name_vi })}
        intro={
          <>
            {province.via ? (
              <p
                role="status"
                data-testid="former-province"
                className="mt-3 rounded-lg border border-gold-400/60 bg-gold-50 px-4 py-3 text-sm"
              >
                {tr("search.formerProvince", { former: province.via, current: province.name_vi })}
              </p>
            ) : null}
            {province.formerNames.length ? (
              <p className="mt-2 text-sm text-ink-soft">
                {tr("search.provinceIncludes", { names: province.formerNames.join(", ") })}
              </p>
            ) : null}
            {showcase.featured.length || showcase.campaigns.length ? (
              <div className="mt-8 border-b border-clay pb-10">
                <CuratedLists lists={showcase.featured} prefix="province-featured" limit={4} />
                <CuratedLists lists={showcase.campaigns} prefix="province-campaign" dated limit={4} />
              </div>
            ) : null}
          </>
        }
      />
      {showcase.producers.length ? (
        <Container className="pb-4">
          <ShelfSection
            id="province-producers"
            title={tr("discovery.provinceProducers", { name: province.name_vi })}
            testId="province-producers"
          >
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {showcase.producers.map((p) => {
                const type = entityTypeKey(p.entity_type);
                return (
                  <li key={p.handle}>
                    <Link
                      to={`/producers/${p.handle}`}
                      className="block rounded-lg border border-clay bg-white px-3 py-2 hover:border-lacquer-600"
                    >
                      <span className="font-medium text-ink">{p.name}</span>
                      <span className="block text-xs text-ink-soft">
                        {[type ? tr(type) : null, p.ward].filter(Boolean).join(" · ")}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </ShelfSection>
        </Container>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
