import { expect, test } from "@playwright/test"
import { gotoHydrated } from "./hydration"
import { VND, watchConsole } from "./support"

test.describe("search", () => {
  test("an unaccented query 'nuoc mam' finds 'Nước mắm' products with VND prices", async ({ page }) => {
    const errors = watchConsole(page)
    await page.goto("/search?q=nuoc+mam")
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả cho “nuoc mam”")
    const cards = page.getByTestId("product-card")
    await expect(cards.first()).toBeVisible()
    const titles = await cards.getByRole("link").allTextContents()
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.some((t) => t.includes("Nước mắm"))).toBe(true)
    await expect(cards.first().getByTestId("price")).toHaveText(VND)
    expect(errors).toEqual([])
  })

  test("ticking a star facet updates the URL and the results", async ({ page }) => {
    const errors = watchConsole(page)
    await gotoHydrated(page, "/search")
    const count = page.getByTestId("search-count")
    const before = await count.textContent()
    const facet = page.getByTestId("facet-stars")
    const five = facet.getByRole("checkbox", { name: /5 sao/ })
    await five.check()
    await expect(page).toHaveURL(/[?&]stars=5(&|$)/)
    await expect(count).not.toHaveText(before ?? "")
    await expect(page.getByTestId("search-facets").getByRole("checkbox", { name: /5 sao/ })).toBeChecked()
    // every card now shows five stars
    const cards = page.getByTestId("product-card")
    const n = await cards.count()
    expect(n).toBeGreaterThan(0)
    for (let i = 0; i < n; i++) await expect(cards.nth(i).getByRole("img", { name: "5 sao" })).toBeVisible()
    // the active filter can be removed again
    await page.getByRole("link", { name: "Bỏ lọc 5 sao" }).first().click()
    await expect(page).not.toHaveURL(/stars=/)
    expect(errors).toEqual([])
  })

  test("a former province's page shows the unit it merged into and says so", async ({ page }) => {
    const response = await page.goto("/provinces/binh-thuan")
    expect(response?.status()).toBe(200)
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sản phẩm OCOP Lâm Đồng")
    await expect(page.getByTestId("former-province")).toContainText("Bình Thuận đã sáp nhập vào Lâm Đồng")
    await expect(page.getByTestId("product-card").first()).toBeVisible()
    await expect(page.getByTestId("product-card").first()).toContainText("Lâm Đồng")
    const unknown = await page.goto("/provinces/khong-co-tinh-nay")
    expect(unknown?.status()).toBe(404)
  })

  test("a group page and a subgroup page run the same search with the filter fixed", async ({ page }) => {
    await page.goto("/groups/thuc-pham")
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thực phẩm")
    await expect(page.getByTestId("facet-group")).toHaveCount(0)
    await expect(page.getByTestId("product-card").first()).toContainText("Thực phẩm")
    const sub = page.getByTestId("facet-subgroup").getByRole("link").first()
    await sub.click()
    await expect(page).toHaveURL(/\/groups\/thuc-pham\?subgroup=/)
    expect((await page.goto("/groups/khong-co-nhom"))?.status()).toBe(404)
  })

  test("type-ahead suggests products from the header box and opens one with the keyboard", async ({ page }) => {
    await gotoHydrated(page, "/")
    const box = page.getByRole("combobox", { name: "Tìm sản phẩm OCOP" })
    await box.click()
    await box.pressSequentially("mat ong", { delay: 30 })
    const list = page.getByRole("listbox", { name: "Gợi ý tìm kiếm" })
    await expect(list).toBeVisible()
    await expect(box).toHaveAttribute("aria-expanded", "true")
    const first = list.getByRole("option").first()
    const title = (await first.textContent())?.trim() ?? ""
    await box.press("ArrowDown")
    await expect(first).toHaveAttribute("aria-selected", "true")
    await box.press("Enter")
    await expect(page).toHaveURL(/\/products\//)
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title)
  })

  test("the product page links to its province and group pages", async ({ page }) => {
    await page.goto("/search?q=nuoc+mam")
    await page.getByTestId("product-card").first().getByRole("link").click()
    await expect(page).toHaveURL(/\/products\//)
    const provinceLink = page.locator('main a[href^="/provinces/"]').first()
    await expect(provinceLink).toBeVisible()
    await provinceLink.click()
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Sản phẩm OCOP /)
  })

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false })

    test("the search form, facets, sort and pagination work as plain GET requests", async ({ page }) => {
      await page.goto("/")
      await page.getByRole("combobox", { name: "Tìm sản phẩm OCOP" }).fill("nước mắm")
      await page.getByRole("button", { name: "Tìm", exact: true }).click()
      await expect(page).toHaveURL(/\/search\?q=n%C6%B0%E1%BB%9Bc(\+|%20)m%E1%BA%AFm/)
      await expect(page.getByTestId("product-card").first()).toContainText("Nước mắm")

      // tick a facet and apply (the form's own submit button)
      await page.goto("/search")
      const facets = page.getByTestId("search-facets")
      await facets.getByRole("checkbox", { name: /4 sao/ }).check()
      await facets.getByRole("button", { name: "Áp dụng" }).click()
      await expect(page).toHaveURL(/stars=4/)
      await expect(page.getByTestId("search-facets").getByRole("checkbox", { name: /4 sao/ })).toBeChecked()

      // sort keeps the filter
      await page.getByLabel("Sắp xếp").selectOption("price_asc")
      await page.getByTestId("sort-form").getByRole("button", { name: "Sắp xếp" }).click()
      await expect(page).toHaveURL(/stars=4/)
      await expect(page).toHaveURL(/sort=price_asc/)
      const prices = await page.getByTestId("price").allTextContents()
      const amounts = prices.map((p) => Number(p.replace(/\D/g, "")))
      expect(amounts).toEqual([...amounts].sort((a, b) => a - b))
    })
  })
})
