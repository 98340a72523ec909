/**
 * The admin's early reads (backend/src/lib/admin-early-requests.ts): index.html's inline script run
 * in a stand-in window whose fetch records what reaches the network, and the dashboard's own code
 * checked for the addresses the script asks for early.
 */
import fs from "node:fs"
import path from "node:path"
import vm from "node:vm"
import { describe, expect, it } from "vitest"
import { EARLY_READS, earlyRequestsScript, productRouteChunks } from "../../backend/src/lib/admin-early-requests"

const PRODUCT = "prod_01TEST"

/** Runs the inline script on `pathname`; `status(url)` is each network answer's status. */
function page(pathname: string, { locale = "", status = (_url: string) => 200 } = {}) {
  const network: { url: string; method: string }[] = []
  const links: string[] = []
  const fetch = async (input: string | URL, init?: { method?: string }) => {
    const url = String(input)
    network.push({ url, method: init?.method ?? "GET" })
    const code = status(url)
    return { ok: code >= 200 && code < 300, status: code, url }
  }
  const window: Record<string, unknown> = { fetch, URLSearchParams }
  const context = vm.createContext({
    window,
    URL,
    URLSearchParams,
    Headers,
    Request,
    setTimeout: () => 0,
    location: { pathname, href: `https://admin.example${pathname}`, origin: "https://admin.example" },
    localStorage: { getItem: () => locale || null },
    document: {
      createElement: () => ({}) as { href?: string },
      head: { appendChild: (l: { href: string }) => links.push(l.href) },
    },
  })
  vm.runInContext(earlyRequestsScript(["/app/assets/product-detail-X.js"]), context)
  const dashboardFetch = window.fetch as (input: string, init?: object) => Promise<{ ok: boolean; status: number }>
  return { network, links, fetch: dashboardFetch }
}

describe("index.html's early reads", () => {
  it("asks for a product page's reads and route chunk at once, and hands each over once to the same GET", async () => {
    const p = page(`/app/products/${PRODUCT}`)
    expect(p.network.map((r) => r.url)).toEqual([...EARLY_READS.all, ...EARLY_READS.product(PRODUCT)])
    expect(p.links).toEqual(["/app/assets/product-detail-X.js"])
    // The dashboard's SDK writes the same address with its parameters encoded and the origin in front.
    const encodedFields = "fields=%2Acategories%2C%2Ashipping_profile%2C-variants"
    const sdkUrl = `https://admin.example/admin/products/${PRODUCT}?${encodedFields}`
    await p.fetch(sdkUrl, { headers: { accept: "application/json" } })
    await p.fetch("/admin/users/me", { credentials: "include" })
    expect(p.network).toHaveLength(4)
    await p.fetch(sdkUrl)
    expect(p.network).toHaveLength(5)
  })

  it("sends to the network what it cannot hand over: another method, address or locale, a refusal", async () => {
    // The early read of the user is refused (a JWT login: no session cookie), the dashboard's own is not.
    let userReads = 0
    const p = page(`/app/products/${PRODUCT}`, {
      status: (url) => (url.includes("users/me") && userReads++ === 0 ? 401 : 200),
    })
    await p.fetch("/admin/feature-flags", { method: "POST", body: "{}" })
    await p.fetch(`/admin/products/${PRODUCT}?fields=title`)
    const refused = await p.fetch("/admin/users/me")
    expect(refused.ok).toBe(true)
    expect(p.network.slice(4).map((r) => r.url)).toEqual([
      "/admin/feature-flags",
      `/admin/products/${PRODUCT}?fields=title`,
      "/admin/users/me",
    ])

    const vi = page(`/app/products/${PRODUCT}`, { locale: "vi" })
    await vi.fetch(`/admin/products/${PRODUCT}?fields=*categories,*shipping_profile,-variants`, {
      headers: { "x-medusa-locale": "en" },
    })
    // Our panel's read carries no locale and is handed over whatever the admin's language.
    await vi.fetch(`/admin/ocop/products/${PRODUCT}`, { headers: { "content-type": "application/json" } })
    expect(vi.network.slice(4).map((r) => r.url)).toEqual([
      `/admin/products/${PRODUCT}?fields=*categories,*shipping_profile,-variants`,
    ])
  })

  it("asks for the producers table on our producers page, for nothing page-specific elsewhere", () => {
    expect(page("/app/ocop-producers").network.map((r) => r.url)).toEqual([
      ...EARLY_READS.all,
      ...EARLY_READS.producers,
    ])
    const orders = page("/app/orders")
    expect(orders.network.map((r) => r.url)).toEqual(EARLY_READS.all)
    expect(orders.links).toEqual([])
  })

  it("reads the addresses the installed dashboard asks for (a Medusa upgrade that changes them fails here)", () => {
    const dist = path.join(__dirname, "../../node_modules/@medusajs/dashboard/dist")
    const code = fs
      .readdirSync(dist)
      .filter((f) => f.endsWith(".mjs"))
      .map((f) => fs.readFileSync(path.join(dist, f), "utf8"))
      .join("\n")
    const fields = new URL(EARLY_READS.product(PRODUCT)[0], "https://x").searchParams.get("fields")
    expect(code).toContain(`"${fields}"`)
    expect(code).toContain('"/admin/feature-flags"')
    const sdk = fs.readFileSync(
      path.join(__dirname, "../../node_modules/@medusajs/js-sdk/dist/esm/admin/user.js"),
      "utf8"
    )
    expect(sdk).toContain("`/admin/users/me`")
  })
})

describe("the product page's route chunks", () => {
  it("are the route's chunk and what it imports, without the entry", () => {
    const chunk = (fileName: string, imports: string[], facadeModuleId: string | null = null, isEntry = false) => ({
      type: "chunk" as const,
      fileName,
      imports,
      facadeModuleId,
      isEntry,
    })
    const bundle = {
      "assets/index.js": chunk("assets/index.js", [], "/x/app.js", true),
      "assets/pd.js": chunk("assets/pd.js", ["assets/a.js", "assets/index.js"], "/d/dist/product-detail-KCLKWLJK.mjs"),
      "assets/a.js": chunk("assets/a.js", ["assets/b.js"]),
      "assets/b.js": chunk("assets/b.js", ["assets/a.js"]),
      "assets/other.js": chunk("assets/other.js", []),
    }
    expect(productRouteChunks(bundle)).toEqual(["/app/assets/pd.js", "/app/assets/a.js", "/app/assets/b.js"])
  })
})
