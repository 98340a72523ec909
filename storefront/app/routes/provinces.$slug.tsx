import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { SearchView } from "~/components/search/SearchView";
import { t, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS } from "~/lib/lang.server";
import { getProvinces } from "~/lib/backend/reference-data.server";
import { searchCatalogue } from "~/lib/backend/search.server";
import { langFromMatches, pageTitle } from "~/lib/meta";
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
  const search = await loadSearch(request, { basePath: `/provinces/${slug}`, fixed: { province: province.slug } });
  return data({ ...search, province }, { headers: PUBLIC_CACHE_HEADERS });
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches);
  if (!data) return [pageTitle(lang, t(lang, "error.notFoundTitle"))];
  return [
    pageTitle(lang, t(lang, "search.provinceTitle", { name: data.province.name_vi })),
    // one page per unit: a former name points at the current one
    { tagName: "link", rel: "canonical", href: `/provinces/${data.province.slug}` },
  ];
};

export default function ProvincePage() {
  const data = useLoaderData<typeof loader>();
  const tr = useT();
  const { province } = data;
  return (
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
        </>
      }
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
