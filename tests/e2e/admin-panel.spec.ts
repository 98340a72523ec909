import { expect, type Page, test } from "@playwright/test"
import demoLogins from "../support/demo-logins.json"

/**
 * The built Medusa Admin (`medusa build` with the admin, served by a production backend): the
 * operator logs in, sees the OCOP panel's verdict on a listed product — in Vietnamese and, after
 * choosing English (the dashboard's language, `lng`), in English — and the producers page with
 * the same count the API gives. The runner starts that backend (MEDUSA_ADMIN_URL) beside the
 * end-to-end one, on the same database; without it these tests are skipped, saying why.
 */
const ADMIN = process.env.MEDUSA_ADMIN_URL
const BACKEND = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
const KEY = process.env.MEDUSA_PUBLISHABLE_KEY ?? ""
const EMAIL = "admin@ocop.vn" // seed/src/store-setup.ts DEMO_ACCOUNTS.admin
// The runner seeds its throwaway databases with these known passwords (scripts/test.mjs).
const PASSWORD = demoLogins.admin

test.skip(!ADMIN, "no backend serving the built admin (MEDUSA_ADMIN_URL); scripts/test.mjs starts one")
test.use({
  baseURL: ADMIN,
  // A production backend's session cookie is Secure: the TLS proxy in front of a deployment says
  // https with this header; without it the login would not stick over plain http.
  extraHTTPHeaders: { "x-forwarded-proto": "https" },
})

async function logIn(page: Page) {
  await page.goto("/app/login")
  await page.locator('input[name="email"]').fill(EMAIL)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.locator('button[type="submit"]').click()
  await expect(page.locator('a[href="/app/orders"]').first()).toBeVisible({ timeout: 30_000 })
}

/** What the dashboard's language switch stores: i18next keeps the choice in the `lng` cookie and localStorage. */
async function chooseLanguage(page: Page, lng: "vi" | "en") {
  await page.context().addCookies([{ name: "lng", value: lng, url: ADMIN as string }])
  await page.evaluate((chosen) => window.localStorage.setItem("lng", chosen), lng)
}

/** A product the storefront lists (the store API shows listed products only). */
async function listedProduct(page: Page): Promise<{ id: string; title: string }> {
  const res = await page.request.get(`${BACKEND}/store/products?limit=1&fields=id,title`, {
    headers: { "x-publishable-api-key": KEY },
  })
  expect(res.ok()).toBe(true)
  const { products } = (await res.json()) as { products: Array<{ id: string; title: string }> }
  expect(products.length).toBeGreaterThan(0)
  return products[0]
}

test("the product page shows the OCOP panel's verdict, in Vietnamese and in English", async ({ page }) => {
  await logIn(page)
  await chooseLanguage(page, "vi")
  const product = await listedProduct(page)
  await page.goto(`/app/products/${product.id}`)
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible({ timeout: 30_000 })
  const verdict = page.getByTestId("ocop-listing-verdict")
  await expect(verdict).toHaveText("Đang bán trên chợ OCOP", { timeout: 30_000 })
  await expect(page.getByRole("heading", { name: "Chứng nhận OCOP" })).toBeVisible()
  await expect(page.getByTestId("ocop-current-certification")).toContainText("★")
  // The panel speaks the dashboard's language: Medusa's own sidebar is in Vietnamese too.
  await expect(page.locator('a[href="/app/orders"]').first()).toContainText("Đơn hàng")

  await chooseLanguage(page, "en")
  await page.reload()
  await expect(verdict).toHaveText("On sale in the OCOP marketplace", { timeout: 30_000 })
  await expect(page.getByRole("heading", { name: "OCOP certification" })).toBeVisible()
  await expect(page.locator('a[href="/app/orders"]').first()).toContainText("Orders")
})

test("the producers page lists producers with the API's count", async ({ page }) => {
  await logIn(page)
  await chooseLanguage(page, "vi")
  // Asked as the dashboard asks: from the page, with its session cookie.
  const { producers, count } = await page.evaluate(async () => {
    const res = await fetch("/admin/ocop/producers?limit=20&offset=0", { credentials: "include" })
    if (!res.ok) throw new Error(`GET /admin/ocop/producers: ${res.status}`)
    return (await res.json()) as { producers: Array<{ name: string }>; count: number }
  })
  expect(count).toBeGreaterThan(0)

  await page.goto("/app/ocop-producers")
  const table = page.getByTestId("ocop-producers-table")
  await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 30_000 })
  await expect(table.locator("tbody tr")).toHaveCount(Math.min(20, count))
  await expect(table.locator("tbody tr").first()).toContainText(producers[0].name)
  // the count as Vietnamese writes it (44.607 at 100k)
  await expect(page.getByText(`${count.toLocaleString("vi-VN")} chủ thể`)).toBeVisible()
})

test("a producer decision goes once on a double click; on a phone the table scrolls sideways", async ({ page }) => {
  await logIn(page)
  await chooseLanguage(page, "vi")
  await page.setViewportSize({ width: 390, height: 844 })
  // the decision is answered here, slowly, so the second click lands while the first waits and no
  // producer of the shared database is suspended
  const decisions: string[] = []
  await page.route(/\/admin\/ocop\/producers\/[^/?]+\/suspend$/, async (route) => {
    decisions.push(route.request().url())
    await new Promise((resolve) => setTimeout(resolve, 500))
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ producer: {} }) })
  })
  page.on("dialog", (dialog) => dialog.accept("kiểm tra nhấp đúp"))
  await page.goto("/app/ocop-producers")
  const table = page.getByTestId("ocop-producers-table")
  await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 30_000 })
  const widths = await table.evaluate((t) => ({
    table: t.getBoundingClientRect().width,
    shown: (t.parentElement as HTMLElement).clientWidth,
    scrolls: (t.parentElement as HTMLElement).scrollWidth,
  }))
  expect(widths.table).toBeGreaterThanOrEqual(640)
  expect(widths.scrolls).toBeGreaterThan(widths.shown)

  await table.getByRole("button", { name: "Đình chỉ" }).first().dblclick()
  await expect.poll(() => decisions.length).toBe(1)
  await page.waitForTimeout(1_000)
  expect(decisions).toHaveLength(1)
})
