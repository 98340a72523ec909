// Store API benchmark: product list (paginated; the publishable key scopes it to the marketplace
// sales channel) and product detail, the way the storefront asks for them (VND calculated prices).
// Baseline, measured in the same run: the first page with the storefront's fields through Medusa's
// own channel filter (`id IN (…every listed id…)`), which a filter our fast path leaves to Medusa
// (`created_at[$gte]`, true for every product) still takes — what every client paid before
// docs/decisions/016-store-products-channel-filter.md. Seconds per request at 100k: it is timed
// on a few requests only (--stock-count, default 5).
//   node bench/store-api.mjs --backend http://localhost:9000 --key pk_… [--duration 20] [--smoke]
import { request, timedLoop } from "./lib/harness.mjs"
import { runStandalone } from "./lib/standalone.mjs"

// Every product passes it, and the fast path leaves it to Medusa: the request takes Medusa's own path.
const MEDUSA_PATH_FILTER = "created_at[$gte]=2000-01-01T00:00:00.000Z"
const STOREFRONT_FIELDS =
  "id,title,handle,thumbnail,subtitle,metadata,*variants.calculated_price,+variants.inventory_quantity"

export async function run(ctx) {
  const { backend, headers, regionId, sample, listed } = ctx
  const bound = {
    count: ctx.count ?? Infinity,
    durationMs: (ctx.duration ?? 20) * 1000,
    concurrency: ctx.concurrency ?? 1,
    warmup: ctx.smoke ? 0 : 3,
  }
  const pages = Math.max(1, Math.floor((listed - 20) / 20))
  let n = 0
  const pick = () => sample[n++ % sample.length]
  const cases = []
  const fields = encodeURIComponent(STOREFRONT_FIELDS)

  const baseline = await timedLoop({
    name: "list p1 (storefront fields) through Medusa's id IN (…) filter (baseline)",
    run: () =>
      request(`${backend}/store/products?limit=20&region_id=${regionId}&fields=${fields}&${MEDUSA_PATH_FILTER}`, {
        headers,
        timeoutMs: 180000,
      }),
    ...bound,
    count: Math.min(bound.count, ctx.stockCount ?? 5),
    // Seconds per request at 100k: allow a few samples whatever --duration says.
    durationMs: Math.max(bound.durationMs, 120_000),
    warmup: Math.min(bound.warmup, 1),
  })
  cases.push(baseline)
  cases.push(
    await timedLoop({
      name: "list p1 minimal fields",
      run: () => request(`${backend}/store/products?limit=20&fields=id,title`, { headers, timeoutMs: 180000 }),
      ...bound,
    })
  )
  cases.push(
    await timedLoop({
      name: "list p1 (storefront fields, VND prices)",
      run: () =>
        request(
          `${backend}/store/products?limit=20&region_id=${regionId}&fields=${encodeURIComponent(STOREFRONT_FIELDS)}`,
          { headers, timeoutMs: 180000 }
        ),
      ...bound,
    })
  )
  cases.push(
    await timedLoop({
      name: "list random page ≤ 50 (offset)",
      run: (i) =>
        request(
          `${backend}/store/products?limit=20&offset=${(Math.abs(i * 7919) % Math.min(50, pages)) * 20}&region_id=${regionId}&fields=${encodeURIComponent(STOREFRONT_FIELDS)}`,
          { headers, timeoutMs: 180000 }
        ),
      ...bound,
    })
  )
  cases.push(
    await timedLoop({
      name: "list deep page (offset ~ 90%)",
      run: (i) =>
        request(
          `${backend}/store/products?limit=20&offset=${Math.floor(pages * (0.85 + (0.1 * ((i * 37) % 10)) / 10)) * 20}&region_id=${regionId}&fields=${encodeURIComponent(STOREFRONT_FIELDS)}`,
          { headers, timeoutMs: 180000 }
        ),
      ...bound,
    })
  )
  cases.push(
    await timedLoop({
      name: "detail by id",
      run: () =>
        request(
          `${backend}/store/products/${pick().id}?region_id=${regionId}&fields=${encodeURIComponent(STOREFRONT_FIELDS + ",description,*images,*options")}`,
          { headers, timeoutMs: 180000 }
        ),
      ...bound,
    })
  )
  cases.push(
    await timedLoop({
      name: "detail by handle (list ?handle=)",
      run: () =>
        request(
          `${backend}/store/products?handle=${encodeURIComponent(pick().handle)}&region_id=${regionId}&fields=${encodeURIComponent(STOREFRONT_FIELDS + ",description,*images")}`,
          { headers, timeoutMs: 180000 }
        ),
      ...bound,
    })
  )
  return {
    title: "store API (product list and detail)",
    results: cases,
    baseline,
    notes: [
      `baseline = the first page with the storefront's fields through Medusa's own channel filter (id IN …, taken because of a created_at[$gte] filter every product passes), ${baseline.n} requests, same run; ratios = baseline time ÷ case time`,
      `stock Medusa 2.21.2 reference (SETUP-NOTES, same machine kind): list first page p95 67 ms at 10k, 202 ms at 100k; detail p95 45 / 57 ms`,
      `${listed.toLocaleString("en-US")} products listed for the publishable key; one sequential client unless --concurrency`,
    ],
  }
}

// Standalone: node bench/store-api.mjs --backend … --key …
if (import.meta.url === `file://${process.argv[1]}`) await runStandalone(run, import.meta.url)
