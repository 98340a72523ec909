// Checkout benchmark: create cart → add item → address → shipping method → payment collection with
// cash on delivery (pp_system_default) → complete. Times each step and the whole flow. Each flow
// buys one unit of a random listed product (stock is 5–500 per product, so long runs slowly use it up).
// Baseline, same run: GET /store/regions (the cheapest store route: framework + key check).
//   node bench/checkout.mjs --backend http://localhost:9000 --key pk_… [--duration 20] [--smoke]
import { request, summarize, timedLoop } from "./lib/harness.mjs"
import { runStandalone } from "./lib/standalone.mjs"

const STEPS = [
  "create cart",
  "add item",
  "address + email",
  "shipping options",
  "shipping method",
  "payment collection",
  "payment session (COD)",
  "complete",
]

export async function run(ctx) {
  const { backend, headers, regionId, sample } = ctx
  const durationMs = (ctx.duration ?? 20) * 1000
  const count = ctx.count ?? Infinity
  const baseline = await timedLoop({
    name: "GET /store/regions (baseline)",
    run: () => request(`${backend}/store/regions`, { headers }),
    count: ctx.smoke ? ctx.count : Math.min(count, 200),
    durationMs: Math.min(durationMs, 5000),
  })

  const stepSamples = Object.fromEntries(STEPS.map((s) => [s, []]))
  const flowSamples = []
  let errors = 0
  let firstError
  let orders = 0
  const started = Date.now()
  const products = sample.filter((p) => p.variant_id)
  if (!products.length) throw new Error("No listed product with a variant to buy.")
  for (let i = 0; i < count && Date.now() - started < durationMs; i++) {
    const product = products[(i * 7) % products.length]
    const t0 = process.hrtime.bigint()
    try {
      await flow(product, (step, res) => {
        if (!res.ok) throw new Error(`${step} answered ${res.status}: ${res.body.slice(0, 200)}`)
        stepSamples[step].push({ ms: res.ms, ttfbMs: res.ttfbMs })
      })
      flowSamples.push({ ms: Number(process.hrtime.bigint() - t0) / 1e6 })
      orders++
    } catch (error) {
      errors++
      firstError = firstError || String(error.message || error)
      if (ctx.smoke && errors >= 2) break
    }
  }
  const wall = Date.now() - started
  const results = [
    baseline,
    summarize("whole checkout (8 calls)", flowSamples, wall, errors, { firstError }),
    ...STEPS.map((s) => summarize(`  ${s}`, stepSamples[s], 0, 0)), // per-step req/s is meaningless in a sequential flow
  ]

  async function flow(product, check) {
    const post = (url, body) => request(`${backend}${url}`, { method: "POST", headers, body })
    let res = await post("/store/carts", { region_id: regionId, email: "bench@ocop.vn" })
    check("create cart", res)
    const cartId = res.json().cart.id
    res = await post(`/store/carts/${cartId}/line-items`, { variant_id: product.variant_id, quantity: 1 })
    check("add item", res)
    res = await post(`/store/carts/${cartId}`, {
      email: "bench@ocop.vn",
      shipping_address: {
        first_name: "An",
        last_name: "Nguyễn",
        address_1: "Số 1 Tràng Tiền",
        address_2: "Phường Hoàn Kiếm",
        city: "Hà Nội",
        province: "Hà Nội",
        country_code: "vn",
        phone: "0912345678",
      },
    })
    check("address + email", res)
    res = await request(`${backend}/store/shipping-options?cart_id=${cartId}`, { headers })
    check("shipping options", res)
    const option = res.json().shipping_options?.[0]
    if (!option) throw new Error("no shipping option offered for the cart (run npm run seed)")
    res = await post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id })
    check("shipping method", res)
    res = await post("/store/payment-collections", { cart_id: cartId })
    check("payment collection", res)
    const collectionId = res.json().payment_collection.id
    res = await post(`/store/payment-collections/${collectionId}/payment-sessions`, {
      provider_id: "pp_system_default",
    })
    check("payment session (COD)", res)
    res = await post(`/store/carts/${cartId}/complete`, {})
    check("complete", res)
    const body = res.json()
    if (body.type !== "order")
      throw new Error(`complete did not create an order: ${JSON.stringify(body.error || body).slice(0, 200)}`)
  }

  return {
    title: "checkout (cash on delivery)",
    results,
    baseline,
    notes: [
      `baseline = GET /store/regions in the same run; ratios = baseline time ÷ step time (how many "cheapest requests" a step costs, inverted)`,
      `${orders} orders placed, one sequential client; each flow buys 1 unit of a listed product`,
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runStandalone(run, import.meta.url)
