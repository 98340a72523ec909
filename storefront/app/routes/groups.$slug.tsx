import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { SearchView } from "~/components/search/SearchView";
import { t, useLang, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS } from "~/lib/lang.server";
import { getGroups } from "~/lib/backend/reference-data.server";
import { langFromMatches, pageTitle } from "~/lib/meta";
import { loadSearch, type FixedFilters } from "~/lib/search-page.server";

type Named = { slug: string; name_vi: string; name_en: string };

/** A group slug (thuc-pham) or a subgroup slug (gia-vi, with its group). */
async function resolveGroup(slug: string): Promise<{ group: Named; subgroup: Named | null } | null> {
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
  const search = await loadSearch(request, { basePath: `/groups/${slug}`, fixed });
  return data({ ...search, ...found }, { headers: PUBLIC_CACHE_HEADERS });
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches);
  if (!data) return [pageTitle(lang, t(lang, "error.notFoundTitle"))];
  const shown = data.subgroup ?? data.group;
  return [pageTitle(lang, lang === "vi" ? shown.name_vi : shown.name_en)];
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
        ) : null
      }
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
