// Admin benchmark: the API calls two Medusa Admin pages make, as the dashboard makes them —
// the product page with the OCOP certification panel, and the OCOP producers page (issue 14:
// each page ≤ 1 s at 100k). A "page" case fires the page's calls at once, as the browser does,
// and times the slowest. Baseline, same run: Medusa's own GET /admin/products/:id with the
// dashboard's fields, the call every product page makes with or without our plugin.
// The operator login is the seed's demo admin; its password is this database's generated one, from
// the file the seed keeps it in (OCOP_DEMO_LOGINS_FILE, default .data/demo-logins.json) — never a
// fixed default.
//   node bench/admin.mjs --backend http://localhost:9000 --database-url postgres://… [--duration 20] [--smoke]
import fs from "node:fs"
import path from "node:path"
import { ROOT, request, requestJson, timedLoop } from "./lib/harness.mjs"
import { runStandalone } from "./lib/standalone.mjs"

const ADMIN_EMAIL = "admin@ocop.vn" // seed/src/store-setup.ts DEMO_ACCOUNTS.admin
// @medusajs/dashboard 2.21.2: PRODUCT_DETAIL_FIELDS, the variants section and the panel's own call.
const PRODUCT_FIELDS = "*categories,*shipping_profile,-variants"
const VARIANT_FIELDS = [
  "title,sku,thumbnail,*options,created_at",
  "*inventory_items.inventory.location_levels,inventory_quantity,manage_inventory",
].join(",")

async function adminToken(backend) {
  const file = process.env.OCOP_DEMO_LOGINS_FILE || path.join(ROOT, ".data", "demo-logins.json")
  if (!fs.existsSync(file))
    throw new Error(`admin bench: no demo logins file at ${file} (set OCOP_DEMO_LOGINS_FILE to the seed's file)`)
  const password = JSON.parse(fs.readFileSync(file, "utf8")).admin
  const { token } = await requestJson(`${backend}/auth/user/emailpass`, {
    body: { email: ADMIN_EMAIL, password },
  })
  return token
}

export async function run(ctx) {
  const { backend, sample } = ctx
  const headers = { authorization: `Bearer ${await adminToken(backend)}` }
  const bound = {
    count: ctx.count ?? Infinity,
    durationMs: (ctx.duration ?? 20) * 1000,
    concurrency: ctx.concurrency ?? 1,
    warmup: ctx.smoke ? 0 : 3,
  }
  let n = 0
  const pick = () => sample[n++ % sample.length].id
  const get = (url) => request(`${backend}${url}`, { headers, timeoutMs: 60000 })
  const productCalls = (id) => [
    `/admin/products/${id}?fields=${encodeURIComponent(PRODUCT_FIELDS)}`,
    `/admin/products/${id}/variants?limit=10&offset=0&order=variant_rank&fields=${encodeURIComponent(VARIANT_FIELDS)}`,
    "/admin/sales-channels?limit=1",
    `/admin/ocop/products/${id}`,
  ]
  const producersCalls = ["/admin/ocop/producers?limit=20&offset=0"]
  // All of a page's calls at once; the page is ready when the slowest answers.
  const page = async (urls) => {
    const started = process.hrtime.bigint()
    const all = await Promise.all(urls.map(get))
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const failed = all.find((r) => !r.ok)
    return failed ?? { ok: true, status: 200, ms, ttfbMs: ms }
  }

  const cases = []
  const baseline = await timedLoop({
    name: "GET /admin/products/:id, dashboard fields (Medusa, baseline)",
    run: () => get(productCalls(pick())[0]),
    ...bound,
  })
  cases.push(baseline)
  cases.push(
    await timedLoop({ name: "GET /admin/products/:id/variants", run: () => get(productCalls(pick())[1]), ...bound })
  )
  cases.push(
    await timedLoop({
      name: "GET /admin/ocop/products/:id (OCOP panel)",
      run: () => get(productCalls(pick())[3]),
      ...bound,
    })
  )
  cases.push(
    await timedLoop({ name: "product page: its 4 calls at once", run: () => page(productCalls(pick())), ...bound })
  )
  cases.push(
    await timedLoop({
      name: "producers page: GET /admin/ocop/producers?limit=20",
      run: () => page(producersCalls),
      ...bound,
    })
  )
  cases.push(
    await timedLoop({
      name: "producers page 100 (offset 2,000)",
      run: () => get("/admin/ocop/producers?limit=20&offset=2000"),
      ...bound,
    })
  )
  return {
    title: "admin (product page with the OCOP panel, producers page)",
    results: cases,
    baseline,
    notes: [
      "baseline = Medusa's own GET /admin/products/:id with the dashboard's fields, same run; " +
        "ratios = baseline time ÷ case time",
      "a page case fires the page's calls at once and times the slowest (the browser's parallel fetches); " +
        "target ≤ 1 s per page at 100k (issue 14)",
      `product ids: a random sample of ${sample.length} listed products; one sequential client unless --concurrency`,
    ],
  }
}

// Standalone: node bench/admin.mjs --backend … --database-url …
if (import.meta.url === `file://${process.argv[1]}`) await runStandalone(run, import.meta.url)
