import { readFileSync } from "node:fs"
import path from "node:path"
import { expect, test, type APIRequestContext } from "@playwright/test"
import { addToCart, VND, watchConsole } from "./support"

/**
 * Decision 007 in the browser: a guest buying from two producers pays one delivery fee per
 * producer's parcel, sees every fee and the total above the order button (on a phone too), and
 * orders cash on delivery with only a phone number, typed as people type it.
 */

// Two seeded, listed products of two different producers.
const FISH_SAUCE = "/products/nuoc-mam-phu-quoc-khai-hoan-40-do-dam" // Khai Hoàn, Phú Quốc
const TEA = "/products/hong-tra-phin-ho" // HTX chế biến chè Phìn Hồ

const backend = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
// the passwords test runs seed the demo logins with (scripts/test.mjs)
const DEMO_PASSWORDS = JSON.parse(readFileSync(path.join(__dirname, "../support/demo-logins.json"), "utf8")) as {
  admin: string
}
const amountOf = (text: string | null) => Number((text ?? "").replace(/\D/g, ""))

/** How many orders the platform holds (the seeded operator reads them through the Admin API). */
async function orderCount(request: APIRequestContext): Promise<number> {
  const login = await request.post(`${backend}/auth/user/emailpass`, {
    data: { email: "admin@ocop.vn", password: DEMO_PASSWORDS.admin },
  })
  expect(login.ok(), "the seeded operator can log in").toBe(true)
  const { token } = await login.json()
  const res = await request.get(`${backend}/admin/orders?limit=1&fields=id`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.ok()).toBe(true)
  return (await res.json()).count as number
}

test.describe("delivery per producer at checkout", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test("a guest buys from two producers: two fees and the total above the button, COD with a phone only", async ({
    page,
    request,
  }) => {
    // Adding two lines, two shipping methods, payment and completion are a dozen backend calls in a row.
    test.setTimeout(120_000)
    const errors = watchConsole(page)
    await addToCart(page, FISH_SAUCE)
    await addToCart(page, TEA)
    await page.goto("/checkout")

    const deliveries = page.getByTestId("delivery")
    await expect(deliveries).toHaveCount(2)
    await expect(deliveries.nth(0)).toContainText("Giao phần hàng của")
    const fees = page.getByTestId("summary-shipping")
    await expect(fees).toHaveCount(2)
    await expect(fees.nth(0)).toHaveText("30.000\u00A0₫")
    await expect(fees.nth(1)).toHaveText("30.000\u00A0₫")
    const subtotal = amountOf(await page.getByTestId("summary-subtotal").textContent())
    expect(subtotal).toBeGreaterThan(0)
    await expect(page.getByTestId("summary-total")).toHaveText(VND)
    expect(amountOf(await page.getByTestId("summary-total").textContent())).toBe(subtotal + 60000)

    // The second parcel goes express: its fee and the total follow before anything is ordered.
    await deliveries
      .nth(1)
      .getByLabel(/Giao hàng nhanh/)
      .check()
    await expect(fees.nth(1)).toHaveText("50.000\u00A0₫")
    await expect(page.getByTestId("summary-total")).toHaveText(
      `${new Intl.NumberFormat("vi-VN").format(subtotal + 80000)}\u00A0₫`
    )

    // On a 390 px screen the summary comes before the order button, not after it.
    const summary = await page.getByTestId("order-summary").boundingBox()
    const button = await page.getByTestId("place-order").boundingBox()
    if (!summary || !button) throw new Error("the summary and the order button should both be laid out")
    expect(summary.y + summary.height).toBeLessThanOrEqual(button.y)

    await page.getByLabel("Họ và tên").fill("Trần Văn Bình")
    await page.getByLabel("Số điện thoại di động").fill("0912 345 678")
    await expect(page.getByLabel(/^Email/)).toHaveValue("")
    await page.getByLabel("Số nhà, tên đường / thôn, ấp").fill("12 Nguyễn Trãi")
    await page.getByLabel("Phường/Xã/Đặc khu").fill("Phường Xuân Hương - Đà Lạt")
    await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
    await expect(page.getByLabel("Thanh toán khi nhận hàng (COD)")).toBeChecked()

    const before = await orderCount(request)
    // A double tap on the button places one order.
    await page.getByTestId("place-order").dblclick()
    await expect(page).toHaveURL(/\/orders\/order_/, { timeout: 60_000 })
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đặt hàng thành công")
    expect(amountOf(await page.getByTestId("order-total").textContent())).toBe(subtotal + 80000)
    await expect(page.getByTestId("order-line")).toHaveCount(2)
    expect(await orderCount(request)).toBe(before + 1)
    expect(errors).toEqual([])
  })

  test("a mistyped phone is refused next to the field, and cash on delivery asks for no email", async ({ page }) => {
    await addToCart(page, TEA)
    await page.goto("/checkout")
    await page.getByLabel("Họ và tên").fill("Trần Văn Bình")
    await page.getByLabel("Số điện thoại di động").fill("0912.345.67")
    await page.getByTestId("place-order").click()
    await expect(page.getByTestId("error-phone")).toHaveText(/Số điện thoại di động chưa đúng/)
    await expect(page.getByTestId("error-email")).toHaveCount(0)
    await expect(page.getByLabel("Họ và tên")).toHaveValue("Trần Văn Bình")
  })
})
