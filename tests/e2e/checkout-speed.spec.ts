import { expect, test, type Page, type Route } from "@playwright/test"
import { gotoHydrated } from "./hydration"

/**
 * Issue 14, checkout in the browser: with JavaScript on, adding to the cart and placing the order
 * happen without reloading the page — the header counts the units being added while the request is
 * out (and the backend's count once it answers), the buttons say they are busy — and both still
 * work without JavaScript. Each request is held until the page's busy state has been checked, so
 * nothing here depends on timing.
 */

const PRODUCT = "/products/nuoc-mam-phu-quoc-khai-hoan-40-do-dam" // seeded demo product, listed (5★)

/** Marks the loaded document; a full page load replaces it and loses the mark. */
const markDocument = (page: Page) =>
  page.evaluate(() => {
    ;(window as unknown as { __sameDocument?: boolean }).__sameDocument = true
  })
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true)

/** The page a request is for (Remix's single fetch asks for `<path>.data`). */
const pageOf = (url: URL) => url.pathname.replace(/\.data$/, "")

/** Holds the first request matching `matches` until `release()`; resolves `held` when it arrives. */
function holdRequest(matches: (url: URL, method: string) => boolean) {
  let release: () => void = () => {}
  let arrived: () => void = () => {}
  const held = new Promise<void>((r) => {
    arrived = r
  })
  const gate = new Promise<void>((r) => {
    release = r
  })
  let taken = false
  const handler = async (route: Route) => {
    const req = route.request()
    if (taken || !matches(new URL(req.url()), req.method())) return route.fallback()
    taken = true
    arrived()
    await gate
    await route.continue()
  }
  return { handler, held, release: () => release() }
}

test.describe("checkout without page reloads", () => {
  // Several backend calls per test on a shared, loaded machine: more than the default 30 s.
  test.describe.configure({ timeout: 120_000 })

  test("add to cart with JavaScript: no navigation, the count rises at once and the cart holds the line", async ({
    page,
  }) => {
    await gotoHydrated(page, PRODUCT)
    await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng")
    await markDocument(page)
    const historyBefore = await page.evaluate(() => history.length)
    const navigations: string[] = []
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url())
    })

    // The add-to-cart request (a fetcher POST to the product route) is held: the page must already
    // show the pending unit and a busy button while it is out.
    const hold = holdRequest((url, method) => method === "POST" && pageOf(url) === new URL(page.url()).pathname)
    await page.route("**/products/**", hold.handler)
    await page.getByLabel("Số lượng").fill("2")
    await page.getByTestId("add-to-cart").click()
    await hold.held
    await expect(page.getByTestId("add-to-cart")).toHaveText("Đang thêm…")
    await expect(page.getByTestId("add-to-cart")).toBeDisabled()
    await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng (2)")
    hold.release()

    await expect(page.getByTestId("cart-added")).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng (2)")
    await expect(page.getByTestId("add-to-cart")).toHaveText("Thêm vào giỏ hàng")
    expect(await sameDocument(page), "the page was reloaded").toBe(true)
    expect(navigations, "adding to the cart navigated").toEqual([])
    expect(await page.evaluate(() => history.length)).toBe(historyBefore)
    await page.unroute("**/products/**")

    await page.getByTestId("cart-link").click()
    await expect(page).toHaveURL(/\/cart$/)
    await expect(page.getByTestId("cart-line")).toHaveCount(1)
    await expect(page.getByTestId("cart-line").getByLabel("Số lượng")).toHaveValue("2")
  })

  test("a refused add shows why and leaves the count as it was", async ({ page }) => {
    await gotoHydrated(page, PRODUCT)
    await markDocument(page)
    // 100 is over the form's limit: the browser would stop it, so the limit is lifted to reach the server's rule.
    await page.getByLabel("Số lượng").evaluate((input) => input.removeAttribute("max"))
    await page.getByLabel("Số lượng").fill("100")
    await page.getByTestId("add-to-cart").click()
    await expect(page.getByTestId("cart-error")).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng")
    expect(await sameDocument(page), "the page was reloaded").toBe(true)
  })

  test("place the order with JavaScript: the button is busy and the order page comes without a reload", async ({
    page,
  }) => {
    await gotoHydrated(page, PRODUCT)
    await page.getByTestId("add-to-cart").click()
    await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng (1)", { timeout: 20_000 })
    await page.getByTestId("cart-link").click()
    await page.getByRole("link", { name: "Tiến hành đặt hàng" }).click()
    await expect(page).toHaveURL(/\/checkout$/)
    await markDocument(page)
    await page.getByLabel("Họ và tên").fill("Nguyễn Thị Mai")
    await page.getByLabel("Số điện thoại di động").fill("0912 345 678")
    await page.getByLabel("Số nhà, tên đường / thôn, ấp").fill("Thôn 10")
    await page.getByLabel("Phường/Xã/Đặc khu").fill("Xã Trường Xuân")
    await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })

    const hold = holdRequest((url, method) => method === "POST" && pageOf(url) === "/checkout")
    await page.route("**/checkout*", hold.handler)
    await page.getByTestId("place-order").click()
    await hold.held
    await expect(page.getByTestId("place-order")).toHaveText("Đang đặt hàng…")
    await expect(page.getByTestId("place-order")).toBeDisabled()
    hold.release()

    await expect(page).toHaveURL(/\/orders\/order_/, { timeout: 30_000 })
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đặt hàng thành công")
    expect(await sameDocument(page), "placing the order reloaded the page").toBe(true)
    await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng")
  })

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false })

    test("the same form adds to the cart with a page load and shows the result", async ({ page }) => {
      await page.goto(PRODUCT)
      await page.getByTestId("add-to-cart").click()
      await expect(page.getByTestId("cart-added")).toBeVisible({ timeout: 20_000 })
      // the page the form posted to counts the line it added (its request still carried the old cookie)
      await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng (1)")
      await page.getByRole("link", { name: "Xem giỏ hàng" }).click()
      await expect(page).toHaveURL(/\/cart$/)
      await expect(page.getByTestId("cart-line")).toHaveCount(1)
      await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng (1)")
    })
  })
})
