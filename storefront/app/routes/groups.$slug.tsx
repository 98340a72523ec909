import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { SearchView } from "~/components/search/SearchView";
import { CuratedLists, ProductShelf } from "~/components/Showcase";
import { t, useLang, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS, getLang } from "~/lib/lang.server";
import { getGroups, type GroupInfo } from "~/lib/backend/reference-data.server";
import { EMPTY_SHOWCASE, getShowcase } from "~/lib/backend/showcase.server";
import { langFromMatches, notFoundSeo, pageSeo } from "~/lib/meta";
import { loadSearch, type FixedFilters } from "~/lib/search-page.server";

type Named = { slug: string; name_vi: string; name_en: string };

/** A group slug (thuc-pham) or a subgroup slug (gia-vi, with its group). */
async function resolveGroup(slug: string): Promise<{ group: GroupInfo; subgroup: Named | null } | null> {
  const groups = await getGroups();
  for (const g of groups) {
    if (g.slug === slug) return { group: g, subgroup: null };
    const s = g.subgroups.find((x) => x.slug === slug);
    if (s) return { group: g, subgroup: s };
  }
  return null;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = (params.slug ?? "").toLowerCase();
  const found = await resolveGroup(slug);
  if (!found) throw new Response(null, { status: 404 });
  const fixed: FixedFilters = found.subgroup
    ? { group: found.group.slug, subgroup: found.subgroup.slug }
    : { group: found.group.slug };
  // the curated shelves belong to a whole group's plain page, not to a subgroup or filtered results
  const plain = !found.subgroup && new URL(request.url).search === "";
  const [search, showcase] = await Promise.all([
    loadSearch(request, { basePath: `/groups/${slug}`, fixed }),
    plain ? getShowcase({ group: found.group.slug }, await getLang(request)) : EMPTY_SHOWCASE,
  ]);
  return data({ ...search, ...found, showcase }, { headers: PUBLIC_CACHE_HEADERS });
}

const SUBGROUP_CHIP =
  "inline-block rounded-full border border-clay bg-white px-3 py-1 text-sm hover:border-lacquer-600";

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches);
  if (!data) return notFoundSeo(matches);
  const shown = data.subgroup ?? data.group;
  const name = lang === "vi" ? shown.name_vi : shown.name_en;
  return pageSeo({
    matches,
    path: `/groups/${shown.slug}`,
    title: name,
    description: t(lang, "seo.groupDescription", { name }),
  });
};

export default function GroupPage() {
  const data = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const name = (n: Named) => (lang === "vi" ? n.name_vi : n.name_en);
  const shown = data.subgroup ?? data.group;
  return (
    <SearchView
      data={data}
      kicker={tr("search.facet.group")}
      heading={name(shown)}
      queryLabel={tr("search.searchIn", { name: name(shown) })}
      intro={
        data.subgroup ? (
          <p className="mt-2 text-sm">
            <Link to={`/groups/${data.group.slug}`} className="text-lacquer-700 underline">
              ← {name(data.group)}
            </Link>
          </p>
        ) : (
          <>
            {data.group.subgroups.length ? (
              <nav aria-label={tr("discovery.groupSubgroups")} className="mt-3">
                <ul className="flex flex-wrap gap-2">
                  {data.group.subgroups.map((s) => (
                    <li key={s.slug}>
                      <Link to={`/groups/${s.slug}`} className={SUBGROUP_CHIP}>
                        {name(s)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {data.showcase.featured.length ||
            data.showcase.campaigns.length ||
            data.showcase.fiveStar.products.length ? (
              <div className="mt-8 border-b border-clay pb-10">
                <CuratedLists lists={data.showcase.featured} prefix="group-featured" limit={4} />
                <CuratedLists lists={data.showcase.campaigns} prefix="group-campaign" dated limit={4} />
                <ProductShelf
                  id="group-five-star"
                  title={tr("discovery.newestFiveStar")}
                  shelf={data.showcase.fiveStar}
                  testId="five-star"
                />
              </div>
            ) : null}
          </>
        )
      }
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
