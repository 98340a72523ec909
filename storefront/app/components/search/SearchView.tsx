import { FilterSelect } from "~/components/FilterSelect";
import { Form, Link, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { Container } from "~/components/Container";
import { Pagination } from "~/components/Pagination";
import { ProductGrid } from "~/components/ProductGrid";
import { useT, type MessageKey } from "~/lib/i18n";
import type { SearchResult } from "~/lib/backend/views";
import { entityTypeKey } from "~/lib/ocop-display";
import {
  POPULAR_SEARCHES,
  SORTS,
  activeFilters,
  correctedQuery,
  foldAccents,
  searchHref,
  serializeSearchState,
  withState,
  type FilterKey,
  type SearchPageData,
  type SearchState,
} from "~/lib/search-state";
import { SearchFacets, priceRangeLabel } from "./SearchFacets";

function filterLabel(
  key: FilterKey,
  value: string,
  state: SearchState,
  result: SearchResult | null,
  tr: ReturnType<typeof useT>
): string {
  const facetLabel = (list: { value: string; label: string }[] | undefined) =>
    list?.find((f) => f.value === value)?.label ?? value;
  switch (key) {
    case "province":
      return result?.province?.slug === value ? result.province.name_vi : facetLabel(result?.facets.province);
    case "group":
      return facetLabel(result?.facets.group);
    case "subgroup":
      return facetLabel(result?.facets.subgroup);
    case "stars":
      return tr("stars.label", { n: value });
    case "price":
      return priceRangeLabel(state.minPrice, state.maxPrice, tr);
    case "producer_type": {
      const k = entityTypeKey(value);
      return k ? tr(k) : value;
    }
  }
}

function SortForm({ state, fixed, basePath }: Pick<SearchPageData, "state" | "fixed" | "basePath">) {
  const tr = useT();
  const submit = useSubmit();
  // every other parameter rides along as hidden inputs; the page goes back to 1
  const others = new URLSearchParams(serializeSearchState({ ...state, page: 1 }, [...fixed, "sort"]));
  return (
    <Form method="get" action={basePath} preventScrollReset className="flex items-center gap-2" data-testid="sort-form">
      {[...others.entries()].map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <FilterSelect
        id="search-sort"
        name="sort"
        label={tr("search.sort")}
        defaultValue={state.sort}
        options={SORTS.map((s) => ({ value: s, label: tr(`search.sort.${s}` as MessageKey) }))}
        onChange={(select) => submit(select.form, { preventScrollReset: true })}
        quiet
      />
      {/* Only browsers without JavaScript need the button; removing it after hydration shifted the results (CLS). */}
      <noscript>
        <button
          type="submit"
          className="rounded-lg border border-clay bg-white px-3 py-1.5 text-sm font-medium hover:bg-paper-deep"
        >
          {tr("search.sort")}
        </button>
      </noscript>
    </Form>
  );
}

function ActiveFilters({ data }: { data: SearchPageData }) {
  const tr = useT();
  const { state, fixed, basePath, result } = data;
  const active = activeFilters(state).filter((f) => !fixed.includes(f.key as keyof SearchState));
  if (active.length === 0) return null;
  const cleared = withState(state, {
    ...(fixed.includes("province") ? {} : { province: null }),
    ...(fixed.includes("group") ? {} : { group: null }),
    ...(fixed.includes("subgroup") ? {} : { subgroup: null }),
    stars: [],
    minPrice: null,
    maxPrice: null,
    producerTypes: [],
  });
  return (
    <div className="mt-4 flex flex-wrap items-center gap-2 text-sm" aria-label={tr("search.active")} role="group">
      <span className="text-ink-soft">{tr("search.active")}:</span>
      {active.map((f) => {
        const label = filterLabel(f.key, f.value, state, result, tr);
        return (
          <Link
            key={`${f.key}-${f.value}`}
            to={searchHref(basePath, f.without, fixed)}
            preventScrollReset
            aria-label={tr("search.remove", { label })}
            className="inline-flex items-center gap-1 rounded-full border border-clay bg-white px-3 py-1 hover:border-lacquer-600"
          >
            {label} <span aria-hidden="true">×</span>
          </Link>
        );
      })}
      <Link to={searchHref(basePath, cleared, fixed)} className="text-lacquer-700 underline" preventScrollReset>
        {tr("search.clearAll")}
      </Link>
    </div>
  );
}

const FILTERS_TOGGLE_CLASS =
  "inline-flex cursor-pointer list-none items-center gap-2 rounded-lg border border-clay bg-white px-4 py-2 " +
  "text-sm font-semibold hover:border-lacquer-600 lg:hidden [&::-webkit-details-marker]:hidden";

/**
 * The filters behind a button on small screens, so the first products show without scrolling past
 * them; open on wide screens. A <details> works without JavaScript; wide screens show its content
 * through ::details-content, and once hydrated it is also opened there for browsers without it.
 */
function FiltersPanel({ active, children }: { active: number; children: ReactNode }) {
  const tr = useT();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 64rem)").matches) ref.current.open = true;
  }, []);
  return (
    <details
      ref={ref}
      className="lg:[&::details-content]:[content-visibility:visible] lg:[&::details-content]:[display:contents]"
      data-testid="filters-panel"
    >
      <summary className={FILTERS_TOGGLE_CLASS} data-testid="filters-toggle">
        {tr("search.showFilters")}
        {active > 0 ? <span className="rounded-full bg-lacquer-600 px-2 text-xs text-white">{active}</span> : null}
      </summary>
      <div className="mt-3 lg:mt-0">{children}</div>
    </details>
  );
}

/** Results that include close words of a misspelt query say so, with a link to the corrected query. */
function CorrectionNote({ data }: { data: SearchPageData }) {
  const tr = useT();
  const { state, fixed, basePath, result } = data;
  const corrected = correctedQuery(state.q, result?.corrected);
  if (!corrected) return null;
  return (
    <p className="mt-4 text-sm text-ink-soft" data-testid="search-corrected">
      {tr("search.includesCorrected")}{" "}
      <Link
        className="text-lacquer-700 underline hover:text-lacquer-800"
        to={searchHref(basePath, withState(state, { q: corrected }), fixed)}
      >
        {corrected}
      </Link>
    </p>
  );
}

/** Nothing matched: ways out (drop a filter, corrected or unaccented query, fewer words, popular searches). */
export function EmptyResults({ data }: { data: SearchPageData }) {
  const tr = useT();
  const { state, fixed, basePath, result } = data;
  const drops = activeFilters(state).filter((f) => !fixed.includes(f.key as keyof SearchState));
  const q = state.q;
  const folded = foldAccents(q);
  const words = q.split(" ").filter(Boolean);
  const corrected = correctedQuery(q, result?.corrected);
  const linkClass = "text-lacquer-700 underline hover:text-lacquer-800";
  const ideas: ReactNode[] = [];
  if (corrected && corrected !== q)
    ideas.push(
      <Link className={linkClass} to={searchHref(basePath, withState(state, { q: corrected }), fixed)}>
        {tr("search.didYouMean", { q: corrected })}
      </Link>
    );
  if (q && folded !== q)
    ideas.push(
      <Link className={linkClass} to={searchHref(basePath, withState(state, { q: folded }), fixed)}>
        {tr("search.tryUnaccented", { q: folded })}
      </Link>
    );
  if (words.length > 1) {
    const shorter = words.slice(0, -1).join(" ");
    ideas.push(
      <Link className={linkClass} to={searchHref(basePath, withState(state, { q: shorter }), fixed)}>
        {tr("search.tryFewerWords", { q: shorter })}
      </Link>
    );
  }
  if (q && fixed.length > 0)
    ideas.push(
      <Link
        className={linkClass}
        to={searchHref("/search", withState(state, { q }), ["province", "group", "subgroup"])}
      >
        {tr("search.tryAll", { q })}
      </Link>
    );
  return (
    <div className="rounded-xl border border-dashed border-clay bg-white p-6 sm:p-8" data-testid="search-empty">
      <h2 className="font-display text-xl font-bold">{tr("search.noneTitle")}</h2>
      {drops.length > 0 ? (
        <div className="mt-4">
          <p className="text-sm text-ink-soft">{tr("search.tryDrop")}</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {drops.map((f) => {
              const label = filterLabel(f.key, f.value, state, result, tr);
              return (
                <li key={`${f.key}-${f.value}`}>
                  <Link
                    to={searchHref(basePath, f.without, fixed)}
                    className="inline-flex rounded-full border border-clay px-3 py-1 text-sm hover:border-lacquer-600"
                  >
                    {tr("search.remove", { label })}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {ideas.length > 0 ? (
        <ul className="mt-4 space-y-1 text-sm">
          {ideas.map((idea, i) => (
            <li key={i}>{idea}</li>
          ))}
        </ul>
      ) : null}
      <div className="mt-5">
        <p className="text-sm font-semibold text-ink">{tr("search.popular")}</p>
        <ul className="mt-2 flex flex-wrap gap-2">
          {POPULAR_SEARCHES.map((p) => (
            <li key={p}>
              <Link
                to={`/search?q=${encodeURIComponent(p)}`}
                lang="vi"
                className="inline-flex rounded-full bg-paper-deep px-3 py-1 text-sm hover:bg-clay"
              >
                {p}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * The search page body shared by /search, /provinces/:slug and /groups/:slug.
 * `heading` and `intro` differ per page; the rest is the same.
 */
export function SearchView({
  data,
  heading,
  kicker,
  intro,
  queryLabel,
}: {
  data: SearchPageData;
  heading: string;
  kicker?: string;
  intro?: ReactNode;
  /** shown on pages with a fixed filter: a query box that keeps it */
  queryLabel?: string;
}) {
  const tr = useT();
  const { state, fixed, basePath, result, unavailable, dropped, pages } = data;
  const stateKey = serializeSearchState(state);
  const pageSearch = new URLSearchParams(serializeSearchState(state, fixed));
  return (
    <Container className="py-8 sm:py-10">
      {kicker ? <p className="text-sm font-semibold uppercase tracking-wider text-lacquer-600">{kicker}</p> : null}
      <h1 className="font-display text-3xl font-bold">{heading}</h1>
      {intro}
      {queryLabel ? (
        <Form method="get" action={basePath} role="search" className="mt-4 flex max-w-xl gap-2" key={`q-${stateKey}`}>
          <label htmlFor="page-search" className="sr-only">
            {queryLabel}
          </label>
          <input
            id="page-search"
            type="search"
            name="q"
            defaultValue={state.q}
            placeholder={queryLabel}
            maxLength={200}
            className="min-w-0 flex-1 rounded-lg border border-clay bg-white px-3 py-2 text-sm"
          />
          {/* keep the page's other filters */}
          {[...new URLSearchParams(serializeSearchState({ ...state, page: 1 }, [...fixed, "q"])).entries()].map(
            ([name, value], i) => (
              <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
            )
          )}
          <button
            type="submit"
            className="rounded-lg bg-lacquer-600 px-4 py-2 text-sm font-semibold text-white hover:bg-lacquer-700"
          >
            {tr("search.submit")}
          </button>
        </Form>
      ) : null}
      {dropped ? (
        <p role="status" className="mt-4 rounded-lg border border-gold-400/60 bg-gold-50 px-4 py-2 text-sm">
          {tr("search.dropped", { param: dropped })}
        </p>
      ) : null}

      {result?.province?.former_name_vi && !fixed.includes("province") ? (
        <p
          role="status"
          className="mt-4 rounded-lg border border-clay bg-paper-deep px-4 py-2 text-sm"
          data-testid="former-note"
        >
          {tr("search.formerNote", { former: result.province.former_name_vi, name: result.province.name_vi })}
        </p>
      ) : null}

      {unavailable || !result ? (
        <p
          role="alert"
          className="mt-6 rounded-xl border border-dashed border-clay bg-white p-8 text-center text-ink-soft"
        >
          {tr("search.unavailable")}
        </p>
      ) : (
        <div className="mt-6 grid gap-8 lg:grid-cols-[16rem_1fr]">
          <aside>
            <FiltersPanel
              active={activeFilters(state).filter((f) => !fixed.includes(f.key as keyof SearchState)).length}
            >
              <SearchFacets
                key={stateKey}
                state={state}
                facets={result.facets}
                fixed={fixed}
                basePath={basePath}
                provinceName={result.province?.name_vi}
              />
            </FiltersPanel>
          </aside>
          <section aria-labelledby="results-heading">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p id="results-heading" className="text-ink-soft" role="status" data-testid="search-count">
                {tr("search.count", { n: result.total })}
              </p>
              <SortForm key={`sort-${stateKey}`} state={state} fixed={fixed} basePath={basePath} />
            </div>
            <ActiveFilters data={data} />
            {result.products.length > 0 ? <CorrectionNote data={data} /> : null}
            <div className="mt-6">
              {result.products.length === 0 ? (
                <EmptyResults data={data} />
              ) : (
                <>
                  {/* the cards' h3 titles need an h2 above them (heading order for screen readers) */}
                  <h2 className="sr-only">{tr("search.resultsHeading")}</h2>
                  <ProductGrid products={result.products} listings={result.facts} eager={4} priority={2} />
                </>
              )}
            </div>
            <Pagination page={state.page} pages={pages} search={pageSearch} />
          </section>
        </div>
      )}
    </Container>
  );
}
