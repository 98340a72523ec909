// Checkout benchmark: create cart → add item → address → shipping method → payment collection with a
// payment session → complete (the storefront's path does the middle in one call of ours, Medusa's
// routes in four; both are timed, alternating), once per payment method the region offers (no outside network):
// cash on delivery; VietQR transfer, then the order's payment view (the QR payload) and — when
// OCOP_PAYOS_CHECKSUM_KEY is given — the signed payOS notification that marks it paid; VNPay, then
// its signed redirect URL (made locally, VNPay is not called). Stripe would call api.stripe.com: left out.
// Times each step and each method's whole flow. Each flow buys one unit of a random listed product
// (stock is 5–500 per product, so long runs slowly use it up).
// Baseline, same run: GET /store/regions (the cheapest store route: framework + key check).
//   node bench/checkout.mjs --backend http://localhost:9000 --key pk_… [--duration 20] [--count N] [--smoke]
//     [--paths storefront,storefront-medusa-complete,…] [--methods pp_system_default,…]
// --paths (or BENCH_CHECKOUT_PATHS=storefront,storefront-medusa-complete) times only those paths (and skips
// the open-cart adds); --methods only those payment methods (default every one the region offers); --count N
// then stops after N flows (with a long --duration), so p95 is not the maximum of a handful.
import { createHmac, randomBytes } from "node:crypto"
import { request, summarize, timedLoop } from "./lib/harness.mjs"
import { runStandalone } from "./lib/standalone.mjs"

const METHODS = [
  { id: "pp_system_default", name: "cash on delivery" },
  { id: "pp_vietqr_vietqr", name: "VietQR transfer" },
  { id: "pp_vnpay_vnpay", name: "VNPay" },
]
const PAYOS_KEY = process.env.OCOP_PAYOS_CHECKSUM_KEY

/** payOS's signature of a notification's data: HMAC-SHA256 of its fields sorted, key=value&… */
function payosSigned(data) {
  const text = Object.keys(data)
    .sort()
    .map((k) => `${k}=${data[k] ?? ""}`)
    .join("&")
  return {
    code: "00",
    desc: "success",
    success: true,
    data,
    signature: createHmac("sha256", PAYOS_KEY).update(text).digest("hex"),
  }
}

const STEPS = [
  "create cart",
  "add item",
  "address + email",
  "shipping options",
  "checkout details (one call)",
  "shipping method",
  "payment collection",
  "payment session",
  "complete",
  "payment view (VietQR)",
  "payOS notification (VietQR)",
  "VNPay redirect URL",
  // the storefront's first add (no cart yet): POST /store/ocop/carts, the cart and its first line in one call
  "create cart + add item (one call)",
]

const CORE_STEPS = [...STEPS.slice(0, 9), "create cart + add item (one call)"]

/**
 * The paths timed, alternating in one loop (same run, same load):
 * - "storefront": what the storefront does (storefront/app/lib/backend/cart-checkout.server.ts): its
 *   fields on the cart calls, the shipping options, then ONE call of ours that sets the email, the
 *   addresses, the shipping methods and the payment session (POST /store/ocop/checkout/:id,
 *   plugins/ocop workflows/checkout/prepare-checkout.ts), then ours (POST /store/ocop/checkout/:id/complete,
 *   workflows/checkout/complete).
 * - "storefront-medusa-complete": the same, completed by Medusa's `POST /store/carts/:id/complete`
 *   (with our checkout stock check and the split in its orderCreated hook) — the completion's baseline.
 * - "standard": Medusa's own routes for the same steps (address, shipping method, payment collection,
 *   payment session), each asked for the fields the storefront used to read — the baseline of the
 *   one-call path.
 * - "medusa": Medusa's routes with no `fields`, as Medusa's js-sdk sends them (the whole cart with
 *   totals after every change).
 */
const ANSWERS = {
  storefront: {
    "add item": "id,completed_at,items.id,items.quantity",
    complete: "id",
  },
  "storefront-medusa-complete": {
    "add item": "id,completed_at,items.id,items.quantity",
    complete: "id",
  },
  standard: {
    "add item": "id,completed_at,items.id,items.quantity",
    "address + email": "id",
    "shipping method": "id,payment_collection.id",
    "payment session": "id",
    complete: "id",
  },
  medusa: {},
}
const ANSWER_LABEL = {
  storefront: "",
  "storefront-medusa-complete": " (storefront, Medusa's completion)",
  standard: " (Medusa's routes)",
  medusa: " (Medusa's default answers)",
}
const PATHS = process.env.BENCH_CHECKOUT_PATHS?.split(",").map((p) => p.trim())
/**
 * BENCH_STATEMENTS_URL: a statement counter between the backend and Postgres that answers {"statements": n}
 * (e.g. a counting proxy); when given, each step's statements are counted too (p50 per step in the notes;
 * the backend's background jobs add a few).
 */
const STATEMENTS_URL = process.env.BENCH_STATEMENTS_URL
async function statementsSoFar() {
  const res = await request(STATEMENTS_URL)
  return res.ok ? Number(res.json().statements) : Number.NaN
}
const stepLabel = (step, answers) => `${step}${ANSWER_LABEL[answers]}`

/**
 * Per path, the timed checks that do a step of Medusa's in its place rather than add one: on the storefront's
 * path the add's stock check (stock_guard, workflows/cart/steps/confirm-stock.ts) is Medusa's confirmInventory,
 * and the completion's stock read (checkout_stock_check, workflows/checkout/complete/place-order.ts) is the
 * levels Medusa's completion read with the cart; on Medusa's routes both run beside Medusa's own.
 */
const REPLACES_MEDUSA_STEP = {
  storefront: ["stock_guard", "checkout_stock_check"],
  "storefront-medusa-complete": ["stock_guard"],
}

/**
 * Seconds the OCOP plugin's own checks have spent so far, per check (ocop_checkout_guard_seconds from
 * the backend's /metrics, readable from this machine); null when the backend does not publish them.
 */
async function guardSeconds(backend) {
  const res = await request(`${backend}/metrics`)
  if (!res.ok) return null
  const sums = {}
  for (const m of res.body.matchAll(/^ocop_checkout_guard_seconds_sum\{([^}]*)\} ([0-9.e+-]+)$/gm)) {
    const guard = /guard="([^"]+)"/.exec(m[1])?.[1] ?? "?"
    sums[guard] = (sums[guard] ?? 0) + Number(m[2])
  }
  return sums
}

/** Adds what the plugin's checks spent between two readings of /metrics to `into` (ms per check). */
function addGuardTime(into, before, after) {
  for (const g of Object.keys(after)) into[g] = (into[g] ?? 0) + (after[g] - (before[g] ?? 0)) * 1000
}

/**
 * The plugin's checks against the time of the checkout calls they ran in, per path (/metrics is read
 * before and after each flow, outside its timing, so each path's checks are its own).
 */
function pluginShare(guardMsOf, stepSamples, answers) {
  const guards = guardMsOf.measured && guardMsOf[answers]
  if (!guards) return `plugin's share${ANSWER_LABEL[answers]}: not measured (the backend's /metrics did not answer)`
  const guardMs = Object.values(guards).reduce((s, ms) => s + ms, 0)
  const callsMs = CORE_STEPS.map((step) => stepSamples[stepLabel(step, answers)] ?? []).reduce(
    (s, samples) => s + samples.reduce((t, x) => t + x.ms, 0),
    0
  )
  const detail = Object.entries(guards)
    .map(([g, ms]) => `${g} ${ms.toFixed(0)} ms`)
    .join(", ")
  const pct = (ms) => (callsMs ? ((ms / callsMs) * 100).toFixed(1) : "?")
  const replacing = REPLACES_MEDUSA_STEP[answers] ?? []
  const addedMs = Object.entries(guards)
    .filter(([g]) => !replacing.includes(g))
    .reduce((s, [, ms]) => s + ms, 0)
  return (
    `plugin's share${ANSWER_LABEL[answers] || " (storefront's path)"}: its checks took ${guardMs.toFixed(0)} ms ` +
    `of the ${callsMs.toFixed(0)} ms the checkout calls took in total (${pct(guardMs)} %; ${detail}) — ` +
    "Medusa without them is the rest (ocop_checkout_guard_seconds, /metrics); checks Medusa does not make at all " +
    `(all but ${replacing.join(", ") || "none"}, which do a step of Medusa's in its place): ${addedMs.toFixed(0)} ms ` +
    `(${pct(addedMs)} %)`
  )
}

/**
 * Adding to a cart that is already open (the storefront's every add after the first): its route
 * `POST /store/ocop/carts/:id/line-items` (our lean add) against Medusa's `POST /store/carts/:id/line-items`
 * with the fields the storefront used to ask for, alternating request by request, each on a fresh cart
 * (created untimed).
 */
async function addToOpenCartCases(ctx, durationMs) {
  const { backend, headers, regionId } = ctx
  const products = ctx.sample.filter((p) => p.variant_id)
  const routes = [
    [
      "add item to an open cart (storefront: /store/ocop/carts/:id/line-items)",
      (id) => `/store/ocop/carts/${id}/line-items`,
    ],
    [
      "add item to an open cart (Medusa: /store/carts/:id/line-items)",
      (id) => `/store/carts/${id}/line-items?fields=${ANSWERS.storefront["add item"]}`,
    ],
  ]
  const samples = routes.map(() => [])
  let errors = 0
  let firstError
  const count = ctx.smoke ? 2 * (ctx.count ?? 1) : Infinity
  const started = Date.now()
  for (let i = 0; i < count && Date.now() - started < durationMs; i++) {
    const [, url] = routes[i % 2]
    const created = await request(`${backend}/store/carts`, { method: "POST", headers, body: { region_id: regionId } })
    const product = products[(i * 11) % products.length]
    const res = created.ok
      ? await request(`${backend}${url(created.json().cart.id)}`, {
          method: "POST",
          headers,
          body: { variant_id: product.variant_id, quantity: 1 },
        })
      : created
    if (res.ok) samples[i % 2].push({ ms: res.ms, ttfbMs: res.ttfbMs })
    else {
      errors++
      firstError = firstError || `${res.status}: ${res.body.slice(0, 200)}`
    }
  }
  return routes.map(([name], i) => summarize(name, samples[i], 0, i === 0 ? errors : 0, i === 0 ? { firstError } : {}))
}

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

  const paths = ctx.paths?.length ? ctx.paths : PATHS
  const openCartAdds = paths ? [] : await addToOpenCartCases(ctx, Math.min(durationMs, 20000))

  const offered = await request(`${backend}/store/payment-providers?region_id=${regionId}`, { headers })
  const offeredIds = new Set((offered.ok ? offered.json().payment_providers : []).map((p) => p.id))
  const methods = METHODS.filter((m) => offeredIds.has(m.id) && (!ctx.methods?.length || ctx.methods.includes(m.id)))
  if (!methods.length)
    throw new Error("The region offers no payment method this benchmark knows (or --methods left none).")
  const answerKinds = Object.keys(ANSWERS).filter((a) => !paths || paths.includes(a))
  if (!answerKinds.length)
    throw new Error(`--paths / BENCH_CHECKOUT_PATHS names no path (known: ${Object.keys(ANSWERS)})`)
  const stepSamples = Object.fromEntries(answerKinds.flatMap((a) => STEPS.map((s) => [stepLabel(s, a), []])))
  const flowKey = (method, answers) => `${method}|${answers}`
  const flowSamples = Object.fromEntries(answerKinds.flatMap((a) => methods.map((m) => [flowKey(m.id, a), []])))
  let errors = 0
  let firstError
  let orders = 0
  const guardMsOf = {}
  const statementsOf = {}
  let guardsMeasured = true
  const started = Date.now()
  const products = sample.filter((p) => p.variant_id)
  if (!products.length) throw new Error("No listed product with a variant to buy.")
  // The smoke runs every payment method with both kinds of answers once, whatever its count and time.
  const mustRun = ctx.smoke ? answerKinds.length * methods.length : 0
  for (let i = 0; i < Math.max(count, mustRun); i++) {
    if (i >= mustRun && Date.now() - started >= durationMs) break
    const product = products[(i * 7) % products.length]
    const answers = answerKinds[i % answerKinds.length]
    const method = methods[Math.floor(i / answerKinds.length) % methods.length]
    const guardsBefore = guardsMeasured ? await guardSeconds(backend) : null
    let statementsBefore = STATEMENTS_URL ? await statementsSoFar() : 0
    const t0 = process.hrtime.bigint()
    try {
      await flow(product, method.id, answers, async (step, res) => {
        if (!res.ok) throw new Error(`${step} answered ${res.status}: ${res.body.slice(0, 200)}`)
        stepSamples[stepLabel(step, answers)].push({ ms: res.ms, ttfbMs: res.ttfbMs })
        if (!STATEMENTS_URL) return
        const now = await statementsSoFar()
        const label = stepLabel(step, answers)
        statementsOf[label] = [...(statementsOf[label] ?? []), now - statementsBefore]
        statementsBefore = await statementsSoFar()
      })
      flowSamples[flowKey(method.id, answers)].push({ ms: Number(process.hrtime.bigint() - t0) / 1e6 })
      orders++
      const guardsAfter = guardsBefore ? await guardSeconds(backend) : null
      if (guardsAfter) {
        guardMsOf[answers] ??= {}
        addGuardTime(guardMsOf[answers], guardsBefore, guardsAfter)
      } else guardsMeasured = false
    } catch (error) {
      errors++
      firstError = firstError || String(error.message || error)
      if (ctx.smoke && errors >= 2) break
    }
  }
  const wall = Date.now() - started
  guardMsOf.measured = guardsMeasured
  const shares = answerKinds.map((a) => pluginShare(guardMsOf, stepSamples, a))
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const statementNotes = Object.entries(statementsOf).map(
    ([step, counts]) => `statements, ${step}: p50 ${median(counts)} (min ${Math.min(...counts)}, n ${counts.length})`
  )
  if (!ctx.smoke) for (const line of statementNotes) console.log(`[bench:checkout] ${line}`)
  if (!ctx.smoke) for (const share of shares) console.log(`[bench:checkout] ${share}`)
  const results = [
    baseline,
    ...openCartAdds,
    ...answerKinds.flatMap((a, ai) => [
      ...methods.map((m, i) =>
        summarize(
          `whole checkout, ${m.name}${ANSWER_LABEL[a]}`,
          flowSamples[flowKey(m.id, a)],
          wall,
          i === 0 && ai === 0 ? errors : 0,
          i === 0 && ai === 0 ? { firstError } : {}
        )
      ),
      // per-step req/s is meaningless in a sequential flow
      ...STEPS.map((s) => stepLabel(s, a))
        .filter((s) => stepSamples[s].length)
        .map((s) => summarize(`  ${s}`, stepSamples[s], 0, 0)),
    ]),
  ]

  async function flow(product, providerId, answers, check) {
    const fieldsOf = (step) => (ANSWERS[answers][step] ? `?fields=${ANSWERS[answers][step]}` : "")
    const post = (url, body, step) =>
      request(`${backend}${url}${step ? fieldsOf(step) : ""}`, { method: "POST", headers, body })
    let res
    let cartId
    const storefront = answers.startsWith("storefront")
    if (storefront) {
      // What the storefront sends when the shopper has no cart: one call, cart and line.
      res = await post("/store/ocop/carts", { region_id: regionId, variant_id: product.variant_id, quantity: 1 })
      await check("create cart + add item (one call)", res)
      cartId = res.json().cart.id
    } else {
      res = await post("/store/carts", { region_id: regionId, email: "bench@ocop.vn" })
      await check("create cart", res)
      cartId = res.json().cart.id
      res = await post(`/store/carts/${cartId}/line-items`, { variant_id: product.variant_id, quantity: 1 }, "add item")
      await check("add item", res)
    }
    const address = {
      first_name: "An",
      last_name: "Nguyễn",
      address_1: "Số 1 Tràng Tiền",
      address_2: "Phường Hoàn Kiếm",
      city: "Hà Nội",
      province: "Hà Nội",
      country_code: "vn",
      phone: "0912345678",
    }
    const shippingOption = async () => {
      const listed = await request(`${backend}/store/shipping-options?cart_id=${cartId}`, { headers })
      await check("shipping options", listed)
      const option = listed.json().shipping_options?.[0]
      if (!option) throw new Error("no shipping option offered for the cart (run npm run seed)")
      return option
    }
    if (storefront) {
      const option = await shippingOption()
      res = await post(`/store/ocop/checkout/${cartId}`, {
        email: "bench@ocop.vn",
        shipping_address: address,
        billing_address: address,
        shipping_option_ids: [option.id],
        provider_id: providerId,
      })
      await check("checkout details (one call)", res)
    } else {
      res = await post(
        `/store/carts/${cartId}`,
        { email: "bench@ocop.vn", shipping_address: address },
        "address + email"
      )
      await check("address + email", res)
      const option = await shippingOption()
      res = await post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, "shipping method")
      await check("shipping method", res)
      res = await post("/store/payment-collections", { cart_id: cartId })
      await check("payment collection", res)
      const collectionId = res.json().payment_collection.id
      res = await post(
        `/store/payment-collections/${collectionId}/payment-sessions`,
        { provider_id: providerId },
        "payment session"
      )
      await check("payment session", res)
    }
    res =
      answers === "storefront"
        ? await post(`/store/ocop/checkout/${cartId}/complete`, {})
        : await post(`/store/carts/${cartId}/complete`, {}, "complete")
    await check("complete", res)
    const body = res.json()
    if (body.type !== "order")
      throw new Error(`complete did not create an order: ${JSON.stringify(body.error || body).slice(0, 200)}`)
    const orderId = body.order.id
    if (providerId === "pp_vietqr_vietqr") {
      res = await request(`${backend}/store/ocop/orders/${orderId}/payment`, { headers })
      await check("payment view (VietQR)", res)
      const payment = res.json().payment
      if (!payment.bank_transfer?.qr_payload) throw new Error("the VietQR order shows no QR payload")
      if (PAYOS_KEY) {
        const notification = payosSigned({
          orderCode: 0,
          amount: payment.amount,
          description: payment.reference,
          accountNumber: payment.bank_transfer.account_number,
          reference: `FT${randomBytes(6).toString("hex")}`,
          transactionDateTime: new Date().toISOString(),
          currency: "VND",
          paymentLinkId: "",
          code: "00",
          desc: "success",
        })
        res = await post("/hooks/ocop/payos", notification)
        await check("payOS notification (VietQR)", res)
        if (res.json().outcome !== "applied") throw new Error(`notification not applied: ${res.body.slice(0, 200)}`)
      }
    } else if (providerId === "pp_vnpay_vnpay") {
      res = await post(`/store/ocop/orders/${orderId}/vnpay`, { locale: "vi" })
      await check("VNPay redirect URL", res)
    }
  }

  return {
    title: `checkout per payment method (${methods.map((m) => m.name).join(", ")})`,
    results,
    baseline,
    notes: [
      `baseline = GET /store/regions in the same run; ratios = baseline time ÷ step time (how many "cheapest requests" a step costs, inverted)`,
      `${orders} orders placed, one sequential client, methods in turn; each flow buys 1 unit of a listed product`,
      "unmarked flows: the storefront's path (its fields, the shipping options, ONE call of ours — POST " +
        "/store/ocop/checkout/:id: email, addresses, shipping methods, payment session — then ours, POST " +
        "/store/ocop/checkout/:id/complete); (storefront, Medusa's completion): the same completed by Medusa's " +
        "POST /store/carts/:id/complete; " +
        "(Medusa's routes): the same steps through Medusa's own routes with the storefront's former fields; " +
        "(Medusa's default answers): Medusa's routes asking for no fields, as Medusa's js-sdk does; " +
        "all three alternate",
      ...shares,
      ...statementNotes,
      PAYOS_KEY
        ? "VietQR flows end with the signed payOS notification that marks the order paid"
        : "VietQR flows stop at the order's payment view (set OCOP_PAYOS_CHECKSUM_KEY to include the notification)",
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await runStandalone(run, import.meta.url, process.argv.slice(2), ["--paths", "--methods"])
