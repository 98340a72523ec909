// Storefront benchmark: server-rendered time to first byte (and full response) of every catalogue
// page — home, search results, product, province, product group and producer pages — on the
// production build (storefront/server.mjs).
// Baseline, same run: the backend call a product page cannot do without (store product by handle),
// so the ratio shows what server rendering adds on top of the data it needs.
//   node bench/storefront.mjs --storefront http://localhost:3000 --backend http://localhost:9000 --key pk_…
import { request, timedLoop } from "./lib/harness.mjs"
import { runStandalone } from "./lib/standalone.mjs"

export const SEARCH_QUERIES = [
  "mật ong",
  "nuoc mam",
  "trà",
  "cà phê Lâm Đồng",
  "gạo",
  "rượu",
  "tinh dầu",
  "bưởi",
  "miến dong",
  "homestay",
]

/**
 * Province and group slugs and producer handles of listed products, from the store search (the
 * same gate as the pages): the pages the bench asks for exist and show something.
 */
async function browsePages(backend, headers) {
  const res = await fetch(`${backend}/store/ocop/search?limit=50&sort=newest`, { headers })
  if (!res.ok) throw new Error(`GET /store/ocop/search answered ${res.status}`)
  const { hits } = await res.json()
  const distinct = (xs) => [...new Set(xs.filter(Boolean))]
  return {
    provinces: distinct(hits.map((h) => h.province?.slug)),
    groups: distinct(hits.map((h) => h.group?.slug)),
    producers: distinct(hits.map((h) => h.producer?.handle)),
  }
}

export async function run(ctx) {
  const { storefront, backend, headers, sample, regionId } = ctx
  const browse = await browsePages(backend, headers)
  for (const [kind, list] of Object.entries(browse)) {
    if (!list.length) throw new Error(`No listed product names a ${kind.replace(/s$/, "")}: nothing to ask for.`)
  }
  const nth = (list, i) => list[Math.abs(i) % list.length]
  const bound = { count: ctx.count ?? Infinity, durationMs: (ctx.duration ?? 20) * 1000, warmup: ctx.smoke ? 0 : 3 }
  let n = 0
  const pick = () => sample[n++ % sample.length]
  // Remix sends Vary: Cookie and public caching; the harness never caches, so every call renders.
  const page = (url) => request(url, { headers: { accept: "text/html" }, timeoutMs: 180000 })

  const baseline = await timedLoop({
    name: "backend: product by handle (baseline)",
    run: () =>
      request(
        `${backend}/store/products?handle=${encodeURIComponent(pick().handle)}&region_id=${regionId}&fields=*variants.calculated_price`,
        { headers, timeoutMs: 180000 }
      ),
    ...bound,
  })
  const results = [
    baseline,
    await timedLoop({ name: "home /", run: () => page(`${storefront}/`), ...bound }),
    await timedLoop({
      name: "product /products/:handle",
      run: () => page(`${storefront}/products/${encodeURIComponent(pick().handle)}`),
      ...bound,
    }),
    await timedLoop({
      name: "search /search?q=",
      run: (i) =>
        page(`${storefront}/search?q=${encodeURIComponent(SEARCH_QUERIES[Math.abs(i) % SEARCH_QUERIES.length])}`),
      ...bound,
    }),
    await timedLoop({
      name: "province /provinces/:slug",
      run: (i) => page(`${storefront}/provinces/${encodeURIComponent(nth(browse.provinces, i))}`),
      ...bound,
    }),
    await timedLoop({
      name: "group /groups/:slug",
      run: (i) => page(`${storefront}/groups/${encodeURIComponent(nth(browse.groups, i))}`),
      ...bound,
    }),
    await timedLoop({
      name: "producer /producers/:handle",
      run: (i) => page(`${storefront}/producers/${encodeURIComponent(nth(browse.producers, i))}`),
      ...bound,
    }),
  ]
  // TTFB is what the shopper waits for before anything paints: report it as the main figure.
  const ttfb = results.map((r) => ({
    ...r,
    name: `${r.name} — TTFB`,
    p50: r.ttfb_p50,
    p95: r.ttfb_p95,
    p99: NaN,
    mean: NaN,
  }))
  return {
    title: "storefront SSR (time to first byte)",
    results: [...ttfb, ...results.slice(1).map((r) => ({ ...r, name: `${r.name} — full response` }))],
    baseline: ttfb[0],
    notes: [
      "baseline = the backend store call for one product by handle, same run; ratios = baseline ÷ case (<1: the page costs more than that call)",
      "production build (storefront/server.mjs), one sequential client, no HTTP cache in the client",
      `province, group and producer pages cycle through ${browse.provinces.length} / ${browse.groups.length} / ` +
        `${browse.producers.length} provinces, groups and producers of the newest listed products; ` +
        "target p95 TTFB ≤ 100 ms for every catalogue page at 100k (issue 14)",
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runStandalone(run, import.meta.url)
