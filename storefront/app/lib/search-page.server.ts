/**
 * The one loader behind /search, /provinces/:slug and /groups/:slug: URL state
 * → GET /store/ocop/search → what SearchView renders. Province and group pages
 * pass their fixed filter; everything else is the same.
 */
import { getLang } from "./lang.server";
import { searchCatalogue } from "./backend/search.server";
import { MAX_PAGE, parseSearchState, toApiParams, type SearchPageData, type SearchState } from "./search-state";

export const SEARCH_PAGE_SIZE = 24;

export type FixedFilters = Partial<Pick<SearchState, "province" | "group" | "subgroup">>;

const PARAM_TO_STATE: Record<string, Partial<SearchState>> = {
  q: { q: "" },
  province: { province: null },
  group: { group: null, subgroup: null },
  subgroup: { subgroup: null },
  stars: { stars: [] },
  min_price: { minPrice: null, maxPrice: null },
  max_price: { minPrice: null, maxPrice: null },
  producer_type: { producerTypes: [] },
  sort: { sort: "relevance" },
  page: { page: 1 },
};

export async function loadSearch(
  request: Request,
  { basePath, fixed = {} }: { basePath: string; fixed?: FixedFilters }
): Promise<SearchPageData> {
  const lang = await getLang(request);
  const fromUrl = parseSearchState(new URL(request.url).searchParams);
  let state: SearchState = { ...fromUrl, ...fixed };
  const fixedKeys = Object.keys(fixed) as (keyof SearchState)[];

  let outcome = await searchCatalogue(toApiParams(state, { limit: SEARCH_PAGE_SIZE, locale: lang }));
  let dropped: string | null = null;
  if (!outcome.ok && outcome.reason === "bad_param") {
    // e.g. an unknown province slug in an old bookmark: drop it and say so (never a fixed filter)
    const reset = PARAM_TO_STATE[outcome.param];
    const touchesFixed = reset && Object.keys(reset).some((k) => fixedKeys.includes(k as keyof SearchState));
    if (reset && !touchesFixed) {
      dropped = outcome.param;
      state = { ...state, ...reset };
      outcome = await searchCatalogue(toApiParams(state, { limit: SEARCH_PAGE_SIZE, locale: lang }));
    }
  }
  const result = outcome.ok ? outcome.result : null;
  // A former province name ("quang-nam", "Bình Thuận") lands on the unit it merged into: the page
  // then shows and links that unit once, under its own name (the note names the former province).
  const resolved = result?.province;
  if (resolved && state.province && resolved.slug !== state.province && !fixedKeys.includes("province"))
    state = { ...state, province: resolved.slug };
  const pages = result ? Math.max(1, Math.min(MAX_PAGE, Math.ceil(result.total / SEARCH_PAGE_SIZE))) : 1;
  return { state, fixed: fixedKeys, basePath, result, unavailable: !outcome.ok, dropped, pages };
}
