/**
 * Thirty-odd real shopper queries through the search PAGE (typos, no accents, English-keyboard
 * spellings, English names, former province names, producer names, the page's own suggestion
 * chips): each renders results or a useful empty page with ways out — never the "search
 * unavailable" panel. The same queries are also sent to the backend's search route and parsed with
 * the storefront's own schema (storefront/app/lib/backend/search-schema.ts), so a shape drift
 * between plugins/search and the storefront fails here, across the real HTTP boundary.
 */
import { expect, type Page, test } from "@playwright/test"
import { searchBodySchema, searchHitSchema } from "../../storefront/app/lib/backend/search-schema"
import { watchConsole } from "./support"

/**
 * A product title the results must show (a pattern), "empty" for a useful empty page, or "either"
 * where the demo catalogue has nothing by that name but close words may still match.
 */
type Expect = RegExp | "empty" | "either"
const QUERIES: [query: string, expected: Expect][] = [
  // accents left out, typos, upper case
  ["nuoc mam", /Nước mắm/],
  ["nuoc mamm", /Nước mắm/],
  ["NƯỚC MẮM", /Nước mắm/],
  ["ca phee", /Cà phê/],
  ["mat ongg", /Mật ong/],
  ["tra xanh", /Trà xanh/],
  ["muoi bac lieu", /Muối hạt Bạc Liêu/],
  ["tieu xanh", /Tiêu xanh/],
  ["yen sao", /Yến sào/],
  ["gao huu co", /Gạo hữu cơ/],
  ["tra gao thao duoc vinh hoà", /Trà gạo thảo dược Vĩnh Hòa/],
  ["ruou sam", /Rượu/],
  // English-keyboard and loanword spellings, English names
  ["cafe", /Cà phê|[Cc]offee/],
  ["ca fe", /Cà phê/],
  ["caphe", /Cà phê/],
  ["coffee", /Cà phê|[Cc]offee/],
  ["nuoc mm", /Nước mắm/],
  ["fish sauce", /Nước mắm/],
  ["tea", /Trà|Chè/],
  ["honey", /Mật ong/],
  ["bird nest", /Yến sào/],
  ["macca", /Macca/],
  // former province names (before the 2025 mergers)
  ["binh thuan", /./],
  ["quang nam", /./],
  ["kien giang", /Phú Quốc/],
  ["dak nong", /./],
  ["ha giang", /./],
  // producer names
  ["Khải Hoàn", /Nước mắm Phú Quốc Khải Hoàn/],
  ["seagull", /Mắm nêm Seagull/],
  ["hop tac xa che thinh an", /Trà đen Thịnh An/],
  ["Phúc Thành", /Mật ong Phúc Thành/],
  ["da lat tu nhien", /Đà Lạt Tự Nhiên/],
  // the page's own suggestion chips ("Tìm kiếm phổ biến")
  ["nước mắm", /Nước mắm/],
  ["mật ong", /Mật ong/],
  ["trà", /Trà/],
  ["cà phê", /Cà phê/],
  ["gạo", /Gạo/],
  ["bánh tráng", "either"],
  // nothing like it in the catalogue
  ["xyzzy qwerty", "empty"],
  ["banh trang nuong", "empty"],
]

async function expectNoErrorPanel(page: Page) {
  await expect(page.getByRole("alert").filter({ hasText: /Tìm kiếm tạm thời|temporarily/ })).toHaveCount(0)
}

test.describe("search page: real queries", () => {
  for (const [query, expected] of QUERIES) {
    const shows =
      expected === "empty" ? "a useful empty page" : expected === "either" ? "results or ways out" : "results"
    test(`"${query}" renders ${shows}`, async ({ page }) => {
      const errors = watchConsole(page)
      await page.goto(`/search?q=${encodeURIComponent(query)}`)
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kết quả cho “${query}”`)
      await expectNoErrorPanel(page)
      const cards = page.getByTestId("product-card")
      if (expected === "either") {
        await expect(cards.first().or(page.getByTestId("search-empty"))).toBeVisible()
      } else if (expected === "empty") {
        const empty = page.getByTestId("search-empty")
        await expect(empty).toBeVisible()
        // ways out: other searches to click
        expect(await empty.getByRole("link").count()).toBeGreaterThan(0)
        await expect(cards).toHaveCount(0)
      } else {
        await expect(cards.first()).toBeVisible()
        const titles = await cards.getByRole("heading").allTextContents()
        expect(
          titles.some((t) => expected.test(t)),
          `titles for "${query}": ${titles.join(" | ")}`
        ).toBe(true)
      }
      expect(errors).toEqual([])
    })
  }

  test("every answer of the backend's search route parses with the storefront's schema", async ({ request }) => {
    const backend = process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000"
    const headers = { "x-publishable-api-key": process.env.MEDUSA_PUBLISHABLE_KEY ?? "" }
    const extra = ["province=quang-nam", "province=binh-thuan&q=nuoc+mam", "stars=5&sort=price_asc", "locale=en&q=tea"]
    const paths = [...QUERIES.map(([q]) => `q=${encodeURIComponent(q)}`), ...extra]
    let corrected = 0
    for (const params of paths) {
      const res = await request.get(`${backend}/store/ocop/search?${params}`, { headers })
      expect(res.status(), params).toBe(200)
      const parsed = searchBodySchema.safeParse(await res.json())
      expect(parsed.success, `${params}: ${parsed.success ? "" : parsed.error.message}`).toBe(true)
      if (!parsed.success) continue
      for (const hit of parsed.data.hits) expect(searchHitSchema.safeParse(hit).success, params).toBe(true)
      if (Object.keys(parsed.data.corrected_terms ?? {}).length) corrected++
    }
    // the misspelt queries above came back with corrections, so that shape was really checked
    expect(corrected).toBeGreaterThan(0)
  })

  test("a misspelt query says it also shows close spellings and links the corrected query", async ({ page }) => {
    await page.goto("/search?q=nuoc+mamm")
    const note = page.getByTestId("search-corrected")
    await expect(note).toBeVisible()
    await note.getByRole("link", { name: "nuoc mam" }).click()
    await expect(page).toHaveURL(/[?&]q=nuoc(\+|%20)mam(&|$)/)
    await expect(page.getByTestId("product-card").first()).toBeVisible()
  })

  test("a suggestion chip on an empty page leads to results", async ({ page }) => {
    await page.goto("/search?q=xyzzy+qwerty")
    await page.getByTestId("search-empty").getByRole("link", { name: "nước mắm" }).click()
    await expect(page).toHaveURL(/q=n%C6%B0%E1%BB%9Bc(\+|%20)m%E1%BA%AFm/)
    await expect(page.getByTestId("product-card").first()).toBeVisible()
    await expectNoErrorPanel(page)
  })

  test("'binh thuan' lists products from the former Bình Thuận first", async ({ page }) => {
    await page.goto("/search?q=binh+thuan")
    const cards = page.getByTestId("product-card")
    await expect(cards.first()).toBeVisible()
    await expect(cards.first()).toContainText("Bình Thuận")
  })
})

test.describe("search page: former province names", () => {
  test("a former province lands on the merged unit once, under its name, with a note", async ({ page }) => {
    await page.goto("/search?province=quang-nam")
    await expect(page.getByTestId("former-note")).toHaveText("Quảng Nam nay thuộc Đà Nẵng")
    const provinces = page.getByTestId("facet-province")
    // one entry for Đà Nẵng, selected, with its count — no second "Đà Nẵng 0"
    await expect(provinces.getByRole("link", { name: /^Đà Nẵng/ })).toHaveCount(1)
    const selected = provinces.locator("a[aria-current=true]")
    await expect(selected).toHaveCount(1)
    await expect(selected).toHaveAttribute("data-value", "da-nang")
    expect(Number((await selected.locator("[aria-hidden=true]").textContent()) ?? "0")).toBeGreaterThan(0)
    // the active filter is named, not shown as a slug
    await expect(page.getByRole("link", { name: "Bỏ lọc Đà Nẵng" })).toBeVisible()
    await expect(page.getByRole("group", { name: "Đang lọc" })).not.toContainText("quang-nam")
  })

  test("without words it lists the former province's own products first, over the whole unit", async ({ page }) => {
    await page.goto("/search?province=binh-thuan")
    await expect(page.getByTestId("former-note")).toHaveText("Bình Thuận nay thuộc Lâm Đồng")
    await expect(page.getByTestId("product-card").first()).toContainText("trước đây là Bình Thuận")
    // the province list still offers the other provinces
    expect(await page.getByTestId("facet-province").getByRole("link").count()).toBeGreaterThan(5)
  })

  test("with a query, too", async ({ page }) => {
    await page.goto("/search?province=binh-thuan&q=nuoc+mam")
    await expect(page.getByTestId("former-note")).toHaveText("Bình Thuận nay thuộc Lâm Đồng")
    await expect(page.getByTestId("product-card").first()).toBeVisible()
  })
})

test.describe("search page: small screens", () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test("filters sit behind a button, so the first product shows on the first screen", async ({ page }) => {
    await page.goto("/search?q=tra")
    const toggle = page.getByTestId("filters-toggle")
    await expect(toggle).toBeVisible()
    await expect(page.getByTestId("facet-stars")).toBeHidden()
    const first = page.getByTestId("product-card").first()
    const box = await first.boundingBox()
    expect(box && box.y).toBeLessThan(844)
    await toggle.click()
    await expect(page.getByTestId("facet-stars")).toBeVisible()
  })
})

test.describe("search page: small screens without JavaScript", () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })

  test("the filter button opens the filters without JavaScript", async ({ page }) => {
    await page.goto("/search?q=tra")
    await expect(page.getByTestId("facet-stars")).toBeHidden()
    await page.getByTestId("filters-toggle").click()
    await expect(page.getByTestId("facet-stars")).toBeVisible()
  })
})

test.describe("search page: wide screens", () => {
  test.use({ viewport: { width: 1366, height: 900 }, javaScriptEnabled: false })

  test("filters are open beside the results, even before any script runs", async ({ page }) => {
    await page.goto("/search?q=tra")
    await expect(page.getByTestId("filters-toggle")).toBeHidden()
    await expect(page.getByTestId("facet-stars")).toBeVisible()
  })
})
