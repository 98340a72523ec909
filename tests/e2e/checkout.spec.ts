import { expect, test, type Page } from "@playwright/test"
import { gotoHydrated } from "./hydration"

const VND = /^\d{1,3}(\.\d{3})*\u00A0₫$/
const PRODUCT = "/products/nuoc-mam-phu-quoc-khai-hoan-40-do-dam" // seeded demo product, listed (5★)

async function addSeededProductToCart(page: Page) {
  await gotoHydrated(page, PRODUCT)
  await page.getByRole("button", { name: "Thêm vào giỏ hàng" }).click()
  await expect(page.getByTestId("cart-added")).toBeVisible()
  await expect(page.getByTestId("cart-link")).toHaveText(/Giỏ hàng \(1\)/)
  await page.getByTestId("cart-link").click()
  await expect(page).toHaveURL(/\/cart$/)
  await expect(page.getByTestId("cart-line")).toHaveCount(1)
  await expect(page.getByTestId("cart-total")).toHaveText(VND)
}

async function fillAddress(page: Page, phone: string) {
  await page.getByLabel("Họ và tên").fill("Nguyễn Thị Mai")
  await page.getByLabel("Số điện thoại di động").fill(phone)
  await page.getByLabel("Email").fill("mai@example.vn")
  await page.getByLabel("Số nhà, tên đường / thôn, ấp").fill("Thôn 10")
  await page.getByLabel("Phường/Xã/Đặc khu").fill("Xã Trường Xuân")
  await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
}

test.describe("cart and cash-on-delivery checkout", () => {
  test("a shopper buys a seeded product with COD and sees the order confirmation in VND", async ({ page }) => {
    await addSeededProductToCart(page)
    await page.getByRole("link", { name: "Tiến hành đặt hàng" }).click()
    await expect(page).toHaveURL(/\/checkout$/)
    await expect(page.getByLabel("Thanh toán khi nhận hàng (COD)")).toBeChecked()
    await expect(page.getByLabel(/Quận|Huyện|District/i)).toHaveCount(0)
    await fillAddress(page, "0912 345 678")
    await page.getByTestId("place-order").click()

    // Placing an order is five backend calls in a row (address, shipping, payment collection and
    // session, completion): on a loaded machine that outlasts the default 5 s of an expectation.
    await expect(page).toHaveURL(/\/orders\/order_/, { timeout: 20_000 })
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đặt hàng thành công")
    await expect(page.getByTestId("order-number")).toHaveText(/^#\d+$/)
    await expect(page.getByTestId("order-total")).toHaveText(VND)
    await expect(page.getByTestId("order-line")).toHaveCount(1)
    await expect(page.getByTestId("order-address")).toContainText("Xã Trường Xuân")
    await expect(page.getByTestId("order-address")).toContainText("Lâm Đồng")
    // the cart is emptied once the order exists
    await expect(page.getByTestId("cart-link")).toHaveText("Giỏ hàng")
  })

  test("a bad phone number shows a Vietnamese error next to the field and keeps the other inputs", async ({ page }) => {
    await addSeededProductToCart(page)
    await page.goto("/checkout")
    await fillAddress(page, "0123 456")
    await page.getByTestId("place-order").click()

    await expect(page.getByTestId("error-phone")).toHaveText(/Số điện thoại di động chưa đúng/)
    await expect(page.getByLabel("Số điện thoại di động")).toHaveAttribute("aria-invalid", "true")
    await expect(page.getByLabel("Họ và tên")).toHaveValue("Nguyễn Thị Mai")
    await expect(page.getByLabel("Email")).toHaveValue("mai@example.vn")
    await expect(page.getByLabel("Phường/Xã/Đặc khu")).toHaveValue("Xã Trường Xuân")
    await expect(page.getByLabel("Tỉnh/Thành phố")).toHaveValue("68")
    await expect(page).toHaveURL(/\/checkout$/)
  })

  test("personal pages are never cached", async ({ request }) => {
    const res = await request.get("/cart")
    expect(res.headers()["cache-control"]).toBe("private, no-store")
  })
})
