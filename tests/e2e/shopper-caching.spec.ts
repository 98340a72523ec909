import { request as httpRequest } from "node:http"
import { expect, test, type APIRequestContext } from "@playwright/test"
import { listedInProvince } from "./discovery-support"
import { gotoHydrated } from "./hydration"

// Storefront HTTP caching (issue 14, storefront/server/cache.mjs): which pages a shared cache may
// keep, for how long, revalidated by ETag, compressed; personal pages and visitors with a session never.

const BASE = process.env.STOREFRONT_URL || "http://localhost:3000"

/** A path linked from a page, e.g. the first /groups/… link of the home page. */
async function firstLink(request: APIRequestContext, from: string, prefix: string): Promise<string> {
  const html = await (await request.get(from)).text()
  const match = html.match(new RegExp(`href="(${prefix}[^"?#]+)"`))
  expect(match, `a ${prefix} link on ${from}`).not.toBeNull()
  return (match as RegExpMatchArray)[1]
}

async function cataloguePages(request: APIRequestContext): Promise<string[]> {
  const [product] = await listedInProvince(request, "lam-dong", 1)
  return [
    "/",
    "/en",
    "/search?q=mat+ong",
    "/en/search?q=ca+phe",
    "/provinces/lam-dong",
    await firstLink(request, "/", "/groups/"),
    await firstLink(request, `/products/${product.handle}`, "/producers/"),
    `/products/${product.handle}`,
    `/en/products/${product.handle}`,
  ]
}

/** The raw response (headers and compressed byte count) of a GET, with the given request headers. */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }>(
    (resolve, reject) => {
      const req = httpRequest(new URL(path, BASE), { headers }, (res) => {
        let bytes = 0
        res.on("data", (c: Buffer) => {
          bytes += c.length
        })
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }))
      })
      req.on("error", reject)
      req.end()
    }
  )
}

const lifetime = (cacheControl: string) => {
  const seconds = (name: string) => Number(cacheControl.match(new RegExp(`${name}=(\\d+)`))?.[1] ?? NaN)
  return { sMaxage: seconds("s-maxage"), stale: seconds("stale-while-revalidate"), maxAge: seconds("max-age") }
}

test.describe("storefront caching", () => {
  test("anonymous catalogue pages are shared for at most a minute, with an ETag and Vary: Cookie", async ({
    request,
  }) => {
    for (const path of await cataloguePages(request)) {
      const res = await request.get(path)
      expect(res.status(), path).toBe(200)
      const headers = res.headers()
      expect(headers["cache-control"], path).toMatch(/^public,/)
      const { sMaxage, stale, maxAge } = lifetime(headers["cache-control"])
      // The stated lifetime: a revoked or expired listing is gone from every shared copy within 60 s.
      expect(sMaxage + stale, path).toBeLessThanOrEqual(60)
      expect(sMaxage, path).toBeGreaterThan(0)
      expect(stale, path).toBeGreaterThan(0)
      expect(maxAge, path).toBe(0)
      expect(headers.etag, path).toMatch(/^W\/".+"$/)
      expect(headers.vary?.toLowerCase(), path).toContain("cookie")
      expect(headers["set-cookie"], path).toBeUndefined()
    }
  })

  test("a matching If-None-Match gets 304 without a body; a stale one gets the page", async ({ request }) => {
    for (const path of await cataloguePages(request)) {
      const first = await request.get(path)
      const etag = first.headers().etag
      const again = await request.get(path, { headers: { "if-none-match": etag } })
      expect(again.status(), path).toBe(304)
      expect((await again.body()).length, path).toBe(0)
      // A 304 must not replace the stored copy's policy: its nonce belongs to the stored page.
      expect(again.headers()["content-security-policy"], path).toBeUndefined()
      const changed = await request.get(path, { headers: { "if-none-match": 'W/"not-this-one"' } })
      expect(changed.status(), path).toBe(200)
    }
  })

  test("catalogue pages are compressed with gzip or brotli, whichever is asked for", async ({ request }) => {
    const paths = await cataloguePages(request)
    for (const path of [paths[0], paths[2], paths[paths.length - 1]]) {
      const plain = await rawGet(path, { "accept-encoding": "identity" })
      expect(plain.headers["content-encoding"], path).toBeUndefined()
      for (const encoding of ["gzip", "br"]) {
        const res = await rawGet(path, { "accept-encoding": encoding })
        expect(res.status, path).toBe(200)
        expect(res.headers["content-encoding"], `${path} ${encoding}`).toBe(encoding)
        expect(res.bytes, `${path} ${encoding}`).toBeLessThan(plain.bytes / 2)
      }
    }
  })

  test("personal pages are never stored", async ({ request }) => {
    for (const path of [
      "/cart",
      "/checkout",
      "/account",
      "/account/login",
      "/orders/order_does_not_exist",
      "/en/cart",
      "/producer/login",
      "/trade-center/login",
    ]) {
      const res = await request.get(path, { maxRedirects: 0 })
      expect(res.headers()["cache-control"], path).toBe("private, no-store")
      expect(res.headers().etag, path).toBeUndefined()
    }
  })

  test("a shopper with a cart gets catalogue pages as private: never another visitor's badge", async ({ page }) => {
    const [product] = await listedInProvince(page.request, "lam-dong", 1)
    // the header count of a page answered to a form post without JavaScript is the one before the add
    await gotoHydrated(page, `/products/${product.handle}`)
    // The header count rises before the backend answers (optimistic), so wait for the add's own answer:
    // it is the one that sets the session cookie.
    const added = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/products/"))
    await page.getByRole("button", { name: "Thêm vào giỏ hàng" }).click()
    expect((await added).status()).toBeLessThan(400)
    await expect(page.getByTestId("cart-link")).toContainText("1")
    // page.request sends the browser's cookies (the session with the cart).
    for (const path of ["/", `/products/${product.handle}`, "/search?q=mat+ong"]) {
      const res = await page.request.get(path)
      expect(res.status(), path).toBe(200)
      expect(res.headers()["cache-control"], path).toBe("private, no-store")
      expect(res.headers().etag, path).toBeUndefined()
    }
    // The anonymous copy of the same page is still shared, and keyed apart by Vary: Cookie.
    const anonymous = await rawGet("/", {})
    expect(anonymous.headers["cache-control"]).toMatch(/^public,/)
  })
})
