/**
 * Fuzzing every custom route (enumerated from plugins/ocop/src/api and plugins/search/src/api, so a
 * new route is fuzzed without anyone listing it) and a sample of Medusa's own: malformed path ids,
 * queries and bodies — NUL characters, lone surrogates, broken percent-encodings, arrays and
 * objects where strings are expected, wrong types, huge strings, invalid JSON. First a sweep that
 * sends every kind of bad input to every route, then a property-based run (fast-check) of random
 * combinations. Asserts 0 × 5xx and that every request is answered (the client gives up after
 * CLIENT_LIMIT_MS, well past the server's own time limit); prints attempts, statuses and times.
 */
import fs from "node:fs"
import path from "node:path"
import fc from "fast-check"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useMarketplace, unique } from "../../fixtures/marketplace"
import { actors, histogram } from "./actors"

const ROOT = path.resolve(__dirname, "../../../..")
const API_DIRS = ["plugins/ocop/src/api", "plugins/search/src/api"].map((d) => path.join(ROOT, d))
const CLIENT_LIMIT_MS = 60_000

type Route = { method: string; template: string }

/** Every route.ts under our api folders, as "METHOD /path/:param". */
function customRoutes(): Route[] {
  const routes: Route[] = []
  const walk = (dir: string, base: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full, base)
      else if (entry.name === "route.ts") {
        const template =
          "/" +
          path
            .relative(base, dir)
            .split(path.sep)
            .map((s) => s.replace(/^\[(.+)\]$/, ":$1"))
            .join("/")
        const source = fs.readFileSync(full, "utf8")
        for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
          routes.push({ method: m[1], template })
      }
    }
  }
  for (const dir of API_DIRS) walk(dir, dir)
  return routes
}

// Medusa's own routes: malformed path ids and locales must be 400s there too.
const MEDUSA_ROUTES: Route[] = [
  { method: "GET", template: "/store/products/:id" },
  { method: "GET", template: "/store/products" },
  { method: "GET", template: "/store/carts/:id" },
  { method: "POST", template: "/store/carts/:id" },
  { method: "GET", template: "/store/regions/:id" },
  { method: "GET", template: "/store/orders/:id" },
  { method: "GET", template: "/admin/products/:id" },
  { method: "POST", template: "/admin/products/:id" },
  { method: "GET", template: "/admin/orders/:id" },
  { method: "POST", template: "/auth/customer/emailpass/register" },
]

const BAD_PATH_VALUES = [
  "%E0%A4%A",
  "%",
  "%ZZ",
  "%00",
  "a%00b",
  "%ED%A0%80",
  "%C0%AF",
  "x".repeat(3000),
  "..%2F..%2Fetc%2Fpasswd",
  "' OR 1=1 --",
]
const QUERY_ATOMS = [
  "%00",
  "a%00b",
  "%E0%A4%A",
  "%",
  "%ZZ",
  "%ED%A0%80",
  "%C0%AF",
  "a".repeat(8000),
  "-1",
  "1e309",
  "NaN",
  "null",
  "true",
  "[object Object]",
  "vi",
  "en",
  "68",
  "lam-dong",
  encodeURIComponent("Nước mắm Phú Quốc"),
  "%F0%9F%98%80",
  encodeURIComponent("' OR 1=1 --"),
  "",
]
const QUERY_KEYS = [
  "q",
  "locale",
  "limit",
  "offset",
  "status",
  "code",
  "province",
  "province_code",
  "product_id",
  "placement",
  "stars",
  "page",
  "sort",
  "fields",
  "group",
  "entity_type",
  "min_price",
  "in_stock",
  "expand",
  "order",
]
const FIELD_NAMES = [
  "name",
  "title",
  "title_en",
  "title_vi",
  "price",
  "stars",
  "score",
  "score_parts",
  "product_id",
  "product_ids",
  "producer_id",
  "province_code",
  "valid_from",
  "expires_at",
  "decision_date",
  "decision_number",
  "reason",
  "item_ids",
  "placement",
  "email",
  "password",
  "phone",
  "logo_url",
  "status",
  "evidence",
  "certificate_number",
  "issuing_authority",
  "group_slug",
  "subgroup_slug",
  "handle",
  "entity_type",
  "story",
  "starts_at",
  "ends_at",
  "traceability_url",
  "unit",
  "description",
]
const ACTIONS = [
  "approve",
  "reject",
  "suspend",
  "reinstate",
  "revoke",
  "renew",
  "reactivate",
  "delete",
  "%00",
  "x".repeat(300),
]

const weirdValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }), // any UTF-16 code units: NUL, lone surrogates
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDC00y",
    "\uDBFF\uDBFF",
    "x".repeat(20_000),
    "",
    " ",
    "2125-01-01",
    "9999-99-99",
    "-271821-04-19",
    "javascript:alert(1)"
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ unit: "binary", maxLength: 10 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 10 }), { maxKeys: 3 }),
  fc.constant({ a: { b: { c: { d: { e: { f: ["deep\u0000"] } } } } } })
)
const bodyArb = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), weirdValue, { minKeys: 1, maxKeys: 8 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom("{", "[1,2", "\u0000", '{"a":"\\ud800"}', '{"name":"\\u0000"}', "null", '"just a string"')
)
const queryArb = fc
  .array(
    fc.tuple(
      fc.constantFrom(...QUERY_KEYS),
      fc.constantFrom(...QUERY_ATOMS),
      fc.constantFrom("plain", "twice", "brackets", "object", "deep", "bare")
    ),
    { maxLength: 4 }
  )
  .map((parts) =>
    parts
      .map(([k, v, shape]) =>
        shape === "twice"
          ? `${k}=${v}&${k}=${v}x`
          : shape === "brackets"
            ? `${k}[]=${v}`
            : shape === "object"
              ? `${k}[a]=${v}`
              : shape === "deep"
                ? `${k}[a][b][c][d][e][f][g]=${v}`
                : shape === "bare"
                  ? k
                  : `${k}=${v}`
      )
      .join("&")
  )

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)
    const auth: Record<string, Record<string, string>> = {}
    const ids: Record<string, string> = {}

    beforeAll(async () => {
      const producer = await who.producerAccount("HTX Thử Nghiệm Đầu Vào")
      const curator = await who.curatorAccount("68")
      const product = await who.listedVendorProduct(producer, "Trà atisô Đà Lạt")
      const { orderId } = await who.placeOrder([{ variantId: product.variantId, quantity: 1 }])
      const list = await api.post(
        "/trade-center/featured-lists",
        { title_vi: "Đặc sản thử", placement: "province", product_ids: [product.id] },
        curator.auth
      )
      const producers = await api.get(`/admin/ocop/producers/${producer.id}`, fx.adminHeaders)
      const registration = await api.post("/auth/producer/emailpass/register", {
        email: `${unique("fz")}@ocop.test`,
        password: "MatKhau#2026",
      })
      Object.assign(auth, {
        admin: fx.adminHeaders.headers,
        vendor: producer.auth.headers,
        "trade-center": curator.auth.headers,
        store: fx.storeHeaders.headers,
        producers: { authorization: `Bearer ${registration.data.token}` },
        auth: {},
      })
      Object.assign(ids, {
        certifications: product.certificationId,
        producers: producer.id,
        products: product.id,
        orders: orderId,
        "featured-lists": list.data.featured_list.id,
        "trade-centers": curator.tradeCenterId,
        handles: producers.data.producer?.handle ?? "htx",
        regions: fx.regionId,
        carts: "cart_missing",
      })
    })

    const headersFor = (template: string) => ({ ...(auth[template.split("/")[1]] ?? {}) })

    /** A real id for ":param", chosen by the segment before it (certifications/:id → a certification). */
    function realPath(template: string, action = "approve") {
      const segments = template.split("/")
      return segments
        .map((s, i) =>
          s === ":action" ? action : s.startsWith(":") ? encodeURIComponent(ids[segments[i - 1]] ?? "unknown_id") : s
        )
        .join("/")
    }

    type Sent = { method: string; url: string; status: number; ms: number }
    const sent: Sent[] = []

    async function send(
      method: string,
      url: string,
      headers: Record<string, string>,
      body?: unknown,
      rawBody?: string
    ): Promise<Sent> {
      const started = Date.now()
      const init: RequestInit = { method, headers: { ...headers }, signal: AbortSignal.timeout(CLIENT_LIMIT_MS) }
      if (method !== "GET" && (body !== undefined || rawBody !== undefined)) {
        ;(init.headers as any)["content-type"] = "application/json"
        init.body = rawBody ?? JSON.stringify(body)
      }
      let status = 0
      try {
        const res = await fetch(`${api.defaults.baseURL}${url}`, init)
        status = res.status
        await res.arrayBuffer()
      } catch (error: any) {
        status = error?.name === "TimeoutError" ? -1 : -2 // -1: no answer in time; -2: connection failed
      }
      const outcome = { method, url: url.slice(0, 160), status, ms: Date.now() - started }
      sent.push(outcome)
      return outcome
    }

    function summarise(label: string, outcomes: Sent[], started: number) {
      const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a), outcomes[0])
      console.log(
        `[fuzz] ${label}: ${outcomes.length} requests, statuses ${JSON.stringify(histogram(outcomes))}, ` +
          `slowest ${slowest.ms} ms (${slowest.method} ${slowest.url.slice(0, 80)}), wall ${Date.now() - started} ms`
      )
      const failures = outcomes.filter((o) => o.status >= 500 || o.status < 0)
      if (failures.length) console.log(`[fuzz] failures: ${JSON.stringify(failures.slice(0, 20), null, 1)}`)
      return failures
    }

    it("finds every custom route on disk", () => {
      const routes = customRoutes()
      console.log(
        `[fuzz] ${routes.length} custom route methods: ${routes.map((r) => `${r.method} ${r.template}`).join(", ")}`
      )
      expect(routes.length).toBeGreaterThanOrEqual(40)
      expect(routes).toContainEqual({ method: "POST", template: "/vendor/orders/:id/fulfillments" })
      expect(routes).toContainEqual({ method: "GET", template: "/store/ocop/search" })
    })

    it("sweep: every kind of malformed input on every route answers below 500, in bounded time", async () => {
      const routes = [...customRoutes(), ...MEDUSA_ROUTES]
      const started = Date.now()
      const outcomes: Sent[] = []
      for (const route of routes) {
        const headers = headersFor(route.template)
        const base = realPath(route.template)
        const jobs: Array<() => Promise<Sent>> = []
        if (route.template.includes(":")) {
          for (const bad of BAD_PATH_VALUES) {
            const url = route.template
              .split("/")
              .map((s) => (s.startsWith(":") ? bad : s))
              .join("/")
            jobs.push(() => send(route.method, url, headers, route.method === "GET" ? undefined : {}))
          }
        }
        for (const q of [
          "q=%00",
          "locale=a&locale=b",
          "locale[x]=1",
          "x=%E0%A4%A",
          "limit[]=1&offset[a]=b",
          "code=a%00b&province=%ED%A0%80",
        ]) {
          jobs.push(() => send(route.method, `${base}?${q}`, headers, route.method === "GET" ? undefined : {}))
        }
        if (route.method !== "GET") {
          const everyField = (value: unknown) => Object.fromEntries(FIELD_NAMES.map((f) => [f, value]))
          for (const body of [
            everyField("\u0000"),
            everyField("\uD800"),
            everyField(["a"]),
            everyField({ a: 1 }),
            everyField(12.5),
            everyField("x".repeat(2000)),
          ]) {
            jobs.push(() => send(route.method, base, headers, body))
          }
          for (const raw of ["{", '{"a":"\\ud800"}', "\u0000"])
            jobs.push(() => send(route.method, base, headers, undefined, raw))
        }
        // A few at a time: enough to overlap, not enough to turn the sweep into a load test.
        for (let i = 0; i < jobs.length; i += 4)
          outcomes.push(...(await Promise.all(jobs.slice(i, i + 4).map((job) => job()))))
      }
      const failures = summarise(`sweep over ${routes.length} route methods`, outcomes, started)
      expect(outcomes.length).toBeGreaterThanOrEqual(400)
      expect(failures).toEqual([])
    }, 1_200_000)

    it("property-based: random malformed requests to random routes answer below 500, in bounded time", async () => {
      const routes = [...customRoutes(), ...MEDUSA_ROUTES]
      const started = Date.now()
      const before = sent.length
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.oneof(fc.constant<string | null>(null), fc.constantFrom(...BAD_PATH_VALUES)),
          fc.constantFrom(...ACTIONS),
          queryArb,
          bodyArb,
          fc.option(fc.constantFrom("k-1", "", "khoá", "x".repeat(300), "a b"), { nil: undefined }),
          async (route, badId, action, query, body, idempotencyKey) => {
            const url =
              (badId === null
                ? realPath(route.template, action)
                : route.template
                    .split("/")
                    .map((s) => (s === ":action" ? action : s.startsWith(":") ? badId : s))
                    .join("/")) + (query ? `?${query}` : "")
            const headers = headersFor(route.template)
            if (idempotencyKey !== undefined) headers["idempotency-key"] = encodeURIComponent(idempotencyKey)
            const raw =
              typeof body === "string" &&
              ["{", "[1,2", "\u0000", '{"a":"\\ud800"}', '{"name":"\\u0000"}', "null", '"just a string"'].includes(body)
                ? body
                : undefined
            const outcome = await send(route.method, url, headers, raw === undefined ? body : undefined, raw)
            return outcome.status >= 0 && outcome.status < 500
          }
        ),
        { numRuns: 300, seed: 20261129, endOnFailure: true }
      )
      const failures = summarise(
        "property-based run (fast-check, 300 runs, seed 20261129)",
        sent.slice(before),
        started
      )
      expect(failures).toEqual([])
      console.log(
        `[fuzz] total: ${sent.length} requests, statuses ${JSON.stringify(histogram(sent))}, 5xx ${sent.filter((o) => o.status >= 500).length}, unanswered ${sent.filter((o) => o.status < 0).length}`
      )
    }, 1_200_000)
  },
})
