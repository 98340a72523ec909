import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SearchView } from "~/components/search/SearchView";
import { t, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS } from "~/lib/lang.server";
import { langFromMatches, pageTitle } from "~/lib/meta";
import { loadSearch } from "~/lib/search-page.server";
import { hydrateAfterLoad } from "~/lib/hydrate-after-load";

/** /search — state in the URL (see app/lib/search-state.ts), results from GET /store/ocop/search. */
export async function loader({ request }: LoaderFunctionArgs) {
  return data(await loadSearch(request, { basePath: "/search" }), { headers: PUBLIC_CACHE_HEADERS });
}

// A catalogue page: painted from its HTML first, hydrated after load (lib/hydrate-after-load.tsx).
export const handle = hydrateAfterLoad;

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches);
  const q = data?.state.q;
  return [
    pageTitle(lang, q ? t(lang, "search.resultsFor", { q }) : t(lang, "search.title")),
    { name: "description", content: t(lang, "seo.searchDescription") },
    // result pages are many and thin: let crawlers follow them, not index them
    { name: "robots", content: "noindex, follow" },
  ];
};

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const tr = useT();
  const q = data.state.q;
  return <SearchView data={data} heading={q ? tr("search.resultsFor", { q }) : tr("search.allProducts")} />;
}
