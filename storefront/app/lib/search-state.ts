/**
 * The search page's state lives in the URL (shareable, bookmarkable, works
 * without JavaScript). This module is the one place that reads and writes it:
 *
 *   /search?q=nuoc+mam&province=lam-dong&group=thuc-pham&subgroup=gia-vi
 *          &stars=5&stars=4&min_price=100000&max_price=200000
 *          &producer_type=cooperative&sort=price_asc&page=2
 *
 * Anything malformed is dropped (a bad bookmark still shows a page), and the
 * serialised form is canonical: fixed order, defaults left out.
 */
import type { SearchResult } from "./backend/views";

export const SORTS = ["relevance", "stars", "price_asc", "price_desc", "newest"] as const;
export type Sort = (typeof SORTS)[number];

export const STAR_VALUES = [5, 4, 3] as const;

export const PRODUCER_TYPES = ["cooperative", "enterprise", "cooperative_group", "household"] as const;
export type ProducerType = (typeof PRODUCER_TYPES)[number];

export const MAX_QUERY = 200;
export const MAX_PAGE = 1000;
const MAX_PRICE = 1_000_000_000_000;

export type SearchState = {
  q: string;
  province: string | null;
  group: string | null;
  subgroup: string | null;
  stars: number[];
  minPrice: number | null;
  maxPrice: number | null;
  producerTypes: ProducerType[];
  sort: Sort;
  page: number;
};

/** What the search pages' loader (search-page.server.ts) hands to SearchView. */
export type SearchPageData = {
  state: SearchState;
  /** keys fixed by the page's path: left out of links and forms */
  fixed: (keyof SearchState)[];
  basePath: string;
  result: SearchResult | null;
  /** the search route is missing or failing */
  unavailable: boolean;
  /** a parameter the backend refused and that was dropped */
  dropped: string | null;
  pages: number;
};

export type FilterKey = "province" | "group" | "subgroup" | "stars" | "price" | "producer_type";

export const EMPTY_STATE: SearchState = {
  q: "",
  province: null,
  group: null,
  subgroup: null,
  stars: [],
  minPrice: null,
  maxPrice: null,
  producerTypes: [],
  sort: "relevance",
  page: 1,
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slug(value: string | null): string | null {
  const v = value?.trim().toLowerCase() ?? "";
  return v && v.length <= 100 && SLUG.test(v) ? v : null;
}

function price(value: string | null): number | null {
  const v = value?.trim().replace(/[.\s ]/g, "") ?? ""; // "100.000" as typed in Vietnam
  if (!/^\d{1,13}$/.test(v)) return null;
  const n = Number(v);
  return n <= MAX_PRICE ? n : null;
}

/** Values of a repeated or comma-separated parameter (`stars=5&stars=4` or `stars=5,4`). */
function many(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function parseSearchState(input: URLSearchParams | string): SearchState {
  const params = typeof input === "string" ? new URLSearchParams(input) : input;
  const q = (params.get("q") ?? "").normalize("NFC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY);
  const stars = [...new Set(many(params, "stars").map(Number))]
    .filter((n) => (STAR_VALUES as readonly number[]).includes(n))
    .sort((a, b) => b - a);
  const producerTypes = [...new Set(many(params, "producer_type"))].filter((v): v is ProducerType =>
    (PRODUCER_TYPES as readonly string[]).includes(v)
  );
  let minPrice = price(params.get("min_price"));
  let maxPrice = price(params.get("max_price"));
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) [minPrice, maxPrice] = [maxPrice, minPrice];
  const sortParam = params.get("sort");
  const sort = (SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as Sort) : "relevance";
  const pageNumber = Number(params.get("page"));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= MAX_PAGE ? pageNumber : 1;
  const subgroup = slug(params.get("subgroup"));
  return {
    q,
    province: slug(params.get("province")),
    group: slug(params.get("group")),
    subgroup,
    stars,
    minPrice,
    maxPrice,
    producerTypes,
    sort,
    page,
  };
}

/**
 * Canonical query string (no leading "?"). `omit` leaves out parameters that
 * a page fixes in its path (e.g. `province` on /provinces/lam-dong).
 */
export function serializeSearchState(state: SearchState, omit: readonly (keyof SearchState)[] = []): string {
  const out = new URLSearchParams();
  const keep = (key: keyof SearchState) => !omit.includes(key);
  if (state.q && keep("q")) out.set("q", state.q);
  if (state.province && keep("province")) out.set("province", state.province);
  if (state.group && keep("group")) out.set("group", state.group);
  if (state.subgroup && keep("subgroup")) out.set("subgroup", state.subgroup);
  if (keep("stars")) for (const s of [...state.stars].sort((a, b) => b - a)) out.append("stars", String(s));
  if (state.minPrice !== null && keep("minPrice")) out.set("min_price", String(state.minPrice));
  if (state.maxPrice !== null && keep("maxPrice")) out.set("max_price", String(state.maxPrice));
  if (keep("producerTypes")) for (const p of state.producerTypes) out.append("producer_type", p);
  if (state.sort !== "relevance" && keep("sort")) out.set("sort", state.sort);
  if (state.page > 1 && keep("page")) out.set("page", String(state.page));
  return out.toString();
}

/** `path?query` (or just `path`), for links that change the state. */
export function searchHref(path: string, state: SearchState, omit: readonly (keyof SearchState)[] = []): string {
  const qs = serializeSearchState(state, omit);
  return qs ? `${path}?${qs}` : path;
}

/** A new state with one change; any change of filter, query or sort goes back to page 1. */
export function withState(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, page: 1, ...change };
}

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function hasFilters(state: SearchState): boolean {
  return activeFilters(state).length > 0;
}

/** The active filters, each with the state that removes it (for "drop this filter" links). */
export function activeFilters(state: SearchState): { key: FilterKey; value: string; without: SearchState }[] {
  const out: { key: FilterKey; value: string; without: SearchState }[] = [];
  if (state.province)
    out.push({ key: "province", value: state.province, without: withState(state, { province: null }) });
  if (state.group)
    out.push({ key: "group", value: state.group, without: withState(state, { group: null, subgroup: null }) });
  if (state.subgroup)
    out.push({ key: "subgroup", value: state.subgroup, without: withState(state, { subgroup: null }) });
  for (const s of state.stars)
    out.push({
      key: "stars",
      value: String(s),
      without: withState(state, { stars: state.stars.filter((x) => x !== s) }),
    });
  if (state.minPrice !== null || state.maxPrice !== null)
    out.push({
      key: "price",
      value: `${state.minPrice ?? ""}-${state.maxPrice ?? ""}`,
      without: withState(state, { minPrice: null, maxPrice: null }),
    });
  for (const p of state.producerTypes)
    out.push({
      key: "producer_type",
      value: p,
      without: withState(state, { producerTypes: state.producerTypes.filter((x) => x !== p) }),
    });
  return out;
}

/** Query parameters for GET /store/ocop/search. */
export function toApiParams(
  state: SearchState,
  { limit, locale }: { limit: number; locale: "vi" | "en" }
): URLSearchParams {
  const out = new URLSearchParams(serializeSearchState({ ...state, page: 1 }));
  if (state.page > 1) out.set("page", String(state.page));
  out.set("limit", String(limit));
  out.set("locale", locale);
  return out;
}

/** Vietnamese text folded to plain ASCII letters (`Nước mắm` → `Nuoc mam`; `đ` → `d`). */
export function foldAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/**
 * The query with each word the backend corrected replaced by its best close word ("nuoc mamm" with
 * {mamm: ["mam"]} → "nuoc mam"); null when nothing was corrected. Keys are folded, lower-case words.
 */
export function correctedQuery(q: string, corrected: Record<string, string[]> | undefined): string | null {
  if (!corrected || Object.keys(corrected).length === 0) return null;
  const words = q.split(" ").filter(Boolean);
  const fixed = words.map((w) => corrected[foldAccents(w).toLowerCase()]?.[0] ?? w).join(" ");
  return fixed === words.join(" ") ? null : fixed;
}

/** Fixed price ranges offered as one-click links (VND). */
export const PRICE_RANGES: { min: number | null; max: number | null }[] = [
  { min: null, max: 100_000 },
  { min: 100_000, max: 200_000 },
  { min: 200_000, max: 500_000 },
  { min: 500_000, max: null },
];

/** Searches offered when nothing matched. Product words, so the same in both languages. */
export const POPULAR_SEARCHES = ["nước mắm", "mật ong", "trà", "cà phê", "gạo", "bánh tráng"];
