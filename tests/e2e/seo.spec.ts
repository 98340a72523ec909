import { type APIRequestContext, expect, test, type Page } from "@playwright/test"
import { listedHandles, listedInProvince } from "./discovery-support"

const LOC = /<loc>([^<]+)<\/loc>/g

/** GET a path that must answer 200. */
async function fetchOk(request: APIRequestContext, path: string) {
  const res = await request.get(path)
  expect(res.status(), path).toBe(200)
  return res
}

async function head(page: Page) {
  return page.evaluate(() => {
    const meta = (sel: string) => document.head.querySelector<HTMLMetaElement>(sel)?.content ?? null
    const link = (sel: string) => document.head.querySelector<HTMLLinkElement>(sel)?.getAttribute("href") ?? null
    return {
      title: document.title,
      description: meta('meta[name="description"]'),
      canonical: link('link[rel="canonical"]'),
      alternates: Object.fromEntries(
        [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][hreflang]')].map((l) => [
          l.getAttribute("hreflang"),
          l.getAttribute("href"),
        ])
      ),
      og: Object.fromEntries(
        [...document.head.querySelectorAll<HTMLMetaElement>('meta[property^="og:"]')].map((m) => [
          m.getAttribute("property"),
          m.content,
        ])
      ),
      twitter: meta('meta[name="twitter:card"]'),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ""),
    }
  })
}

test.describe("what search engines and link previews read", () => {
  test("sitemap.xml is an index whose files list every listed product, in both languages", async ({
    request,
    baseURL,
  }) => {
    const index = await fetchOk(request, "/sitemap.xml")
    expect(index.headers()["content-type"]).toMatch(/xml/)
    const files = [...(await index.text()).matchAll(LOC)].map((m) => m[1])
    for (const kind of ["pages", "provinces", "groups", "producers-1", "products-1"]) {
      expect(files).toContain(`${baseURL}/sitemaps/${kind}.xml`)
    }
    const urls: string[] = []
    for (const file of files) {
      const res = await fetchOk(request, new URL(file).pathname)
      urls.push(...[...(await res.text()).matchAll(LOC)].map((m) => m[1]))
    }
    const sitemapProducts = new Set(
      urls.filter((u) => u.startsWith(`${baseURL}/products/`)).map((u) => decodeURIComponent(u.split("/").pop()!))
    )
    const listed = await listedHandles(request)
    expect(listed.length).toBeGreaterThan(10)
    expect([...sitemapProducts].sort()).toEqual([...listed].sort())
    for (const handle of listed) expect(urls).toContain(`${baseURL}/en/products/${encodeURIComponent(handle)}`)
    expect(urls.filter((u) => /\/provinces\/[^/]+$/.test(u) && !u.includes("/en/"))).toHaveLength(34)
    expect(urls).toContain(`${baseURL}/`)
    expect(urls).toContain(`${baseURL}/en`)
    // an unknown sitemap file is a 404, not an empty one
    expect((await request.get("/sitemaps/products-999.xml")).status()).toBe(404)
    expect((await request.get("/sitemaps/secrets.xml")).status()).toBe(404)
  })

  test("robots.txt keeps portals, cart, checkout and accounts out, shop pages in, and names the sitemap", async ({
    request,
    baseURL,
  }) => {
    const res = await fetchOk(request, "/robots.txt")
    const text = await res.text()
    const disallowed = [...text.matchAll(/^Disallow: (.+)$/gm)].map((m) => m[1])
    for (const path of ["/producer/", "/trade-center", "/cart", "/checkout", "/account", "/en/checkout"]) {
      expect(disallowed).toContain(path)
    }
    // robots rules match by prefix: none may hide the public producer pages or products
    const blocks = (path: string) =>
      disallowed.some((rule) => (rule.endsWith("$") ? path === rule.slice(0, -1) : path.startsWith(rule)))
    expect(blocks("/producer")).toBe(true)
    expect(blocks("/producers/htx-che-cau-dat")).toBe(false)
    expect(blocks("/products/tra-lai-cau-dat")).toBe(false)
    expect(blocks("/en/provinces/lam-dong")).toBe(false)
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`)
  })

  test("every shop page has a title, a description, a canonical URL, hreflang vi/en/x-default and Open Graph", async ({
    page,
    request,
    baseURL,
  }) => {
    const [product] = await listedInProvince(request, "lam-dong", 1)
    const paths = ["/", "/provinces/lam-dong", "/groups/thuc-pham", `/products/${product.handle}`]
    await page.goto(`/products/${product.handle}`)
    const producer = await page.locator("a[href^='/producers/']").first().getAttribute("href")
    paths.push(producer!)
    for (const path of paths) {
      for (const lang of ["vi", "en"]) {
        const url = lang === "en" ? (path === "/" ? "/en" : `/en${path}`) : path
        await page.goto(url)
        const h = await head(page)
        expect(h.title, url).toMatch(lang === "vi" ? /Chợ OCOP/ : /OCOP Marketplace/)
        expect(h.description?.length ?? 0, url).toBeGreaterThan(30)
        expect(h.canonical, url).toBe(`${baseURL}${url}`)
        expect(h.alternates, url).toEqual({
          vi: `${baseURL}${path}`,
          en: `${baseURL}${path === "/" ? "/en" : `/en${path}`}`,
          "x-default": `${baseURL}${path}`,
        })
        expect(h.og["og:url"], url).toBe(h.canonical)
        expect(h.og["og:title"], url).toBeTruthy()
        expect(h.og["og:locale"], url).toBe(lang === "vi" ? "vi_VN" : "en_US")
        expect(h.twitter, url).toMatch(/^summary/)
        for (const block of h.jsonLd) expect(() => JSON.parse(block), url).not.toThrow()
      }
    }
    // search, verify and cart are described too (search and cart are not indexed)
    for (const path of ["/search?q=tra", "/verify", "/cart"]) {
      await page.goto(path)
      const h = await head(page)
      expect(h.title, path).not.toBe("")
      expect(h.description?.length ?? 0, path).toBeGreaterThan(20)
    }
  })

  test("a product page carries JSON-LD Product with a VND Offer, a BreadcrumbList and the product image", async ({
    page,
    request,
    baseURL,
  }) => {
    const [product] = await listedInProvince(request, "lam-dong", 1)
    await page.goto(`/products/${product.handle}`)
    const h = await head(page)
    const blocks = h.jsonLd.map((b) => JSON.parse(b))
    const ld = blocks.find((b) => b["@type"] === "Product")
    expect(ld).toBeTruthy()
    expect(ld["@context"]).toBe("https://schema.org")
    expect(ld.name).toBe(product.title)
    expect(ld.url).toBe(`${baseURL}/products/${product.handle}`)
    expect(ld.offers["@type"]).toBe("Offer")
    expect(ld.offers.priceCurrency).toBe("VND")
    expect(Number.isInteger(ld.offers.price) && ld.offers.price > 0).toBe(true)
    expect(ld.offers.availability).toMatch(
      /^https:\/\/schema\.org\/(InStock|LimitedAvailability|OutOfStock|BackOrder)$/
    )
    // the price the page shows is the offer's
    const shown = (await page.getByTestId("price").first().innerText()).replace(/\D/g, "")
    expect(Number(shown)).toBe(ld.offers.price)
    const crumbs = blocks.find((b) => b["@type"] === "BreadcrumbList")
    expect(crumbs.itemListElement[0]).toMatchObject({ position: 1, item: `${baseURL}/` })
    expect(crumbs.itemListElement.at(-1)).toMatchObject({ name: product.title, item: ld.url })
    expect(h.og["og:type"]).toBe("product")
    expect(h.og["og:image"]).toMatch(/^https?:\/\//)
    expect(ld.image).toContain(h.og["og:image"])
    expect(h.twitter).toBe("summary_large_image")
  })

  test("unknown pages are titled 404s kept out of the index; a bad order id is not 'order placed'", async ({
    page,
  }) => {
    for (const [url, title] of [
      ["/khong-co-trang-nay", "Không tìm thấy trang · Chợ OCOP"],
      ["/en/no-such-page", "Page not found · OCOP Marketplace"],
      ["/orders/order_khong_ton_tai", "Không tìm thấy trang · Chợ OCOP"],
    ]) {
      const response = await page.goto(url)
      expect(response?.status(), url).toBe(404)
      await expect(page, url).toHaveTitle(title)
      expect(await page.locator('meta[name="robots"]').getAttribute("content"), url).toBe("noindex")
    }
    expect(await page.title()).not.toMatch(/Đặt hàng thành công/)
  })
})
