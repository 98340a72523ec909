import { expect, test, type APIRequestContext, type Page } from "@playwright/test"
import { addToCart, signUpShopper, tokenOf } from "./support"

/**
 * Shopper accounts (issue 12) and a producer shipping its part (issue 13), in a real browser against
 * the real backend: sign up, buy from two producers, find the order in the history, the producer
 * ships its part with a tracking number, the shopper sees it shipped; password reset through the
 * emailed link; wrong-password messages in both languages.
 *
 * Emails: the Notification module keeps every notification it sends (the local provider only logs
 * them), so the test reads the reset link through the Admin API (GET /admin/notifications).
 */
const BACKEND = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
const PASSWORD = "KhachMoi#2026"
const OTHER_PRODUCT = "/products/nuoc-mam-phu-quoc-khai-hoan-40-do-dam" // seeded, An Giang producer
const PRODUCER = { email: "htx@ocop.vn", password: "OcopHTX#2026" } // seeded Lâm Đồng producer
const ADMIN = { email: "admin@ocop.vn", password: "OcopAdmin#2026" }

/** A listed product of the seeded producer, to buy from it. */
async function producersListedProduct(request: APIRequestContext): Promise<string> {
  const token = await tokenOf(request, "producer", PRODUCER)
  const res = await request.get(`${BACKEND}/vendor/products?limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const { products } = (await res.json()) as {
    products: Array<{ handle: string; status: string; product_listing?: { listed?: boolean } | null }>
  }
  const listed = products.find((p) => p.status === "published" && p.product_listing?.listed)
  expect(listed, "a listed product of the seeded producer").toBeTruthy()
  return `/products/${listed?.handle}`
}

async function signUp(page: Page, email: string) {
  await signUpShopper(page, { name: "Trần Thị Thu", email, password: PASSWORD })
  await expect(page.getByTestId("account-email")).toContainText(email)
}

async function checkOut(page: Page, email: string) {
  await page.goto("/checkout")
  await page.getByLabel("Họ và tên").fill("Trần Thị Thu")
  await page.getByLabel("Số điện thoại di động").fill("0912 345 678")
  const emailField = page.getByLabel(/^Email/)
  if ((await emailField.inputValue()) === "") await emailField.fill(email)
  await page.getByLabel("Số nhà, tên đường / thôn, ấp").fill("Thôn 10")
  await page.getByLabel("Phường/Xã/Đặc khu").fill("Xã Trường Xuân")
  await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
  await page.getByTestId("place-order").click()
  await expect(page).toHaveURL(/\/orders\/order_/, { timeout: 30_000 })
  return page.url().split("/orders/")[1].split("?")[0]
}

test.describe("shopper accounts", () => {
  test("sign up, buy from two producers, find the order, see the producer's part shipped with tracking", async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(120_000)
    const email = `khach-${run}@example.vn`
    const ownProduct = await producersListedProduct(request)
    await signUp(page, email)
    await addToCart(page, ownProduct)
    await addToCart(page, OTHER_PRODUCT)
    const orderId = await checkOut(page, email)
    const number = (await page.getByTestId("order-number").innerText()).trim()
    await expect(page.getByTestId("order-part")).toHaveCount(2)

    // The order is in the account's history and opens from there.
    await page.goto("/account")
    const row = page.getByTestId("order-history-row").filter({ hasText: number })
    await expect(row).toHaveCount(1)
    await row.click()
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`))
    await expect(page.getByTestId("order-number")).toHaveText(number)
    await expect(page.getByTestId("part-status")).toHaveText(["Đã đặt", "Đã đặt"])

    // The producer ships its part: carrier and tracking number, then a confirmation step.
    const producerContext = await browser.newContext()
    const portal = await producerContext.newPage()
    await portal.goto("/producer/login")
    await portal.getByLabel("Email").fill(PRODUCER.email)
    await portal.getByLabel("Mật khẩu").fill(PRODUCER.password)
    await portal.getByRole("button", { name: "Đăng nhập" }).click()
    await expect(portal).toHaveURL(/\/producer$/)
    await portal.goto("/producer/orders")
    const card = portal.locator(`[data-order-id="${orderId}"]`)
    await expect(card.getByTestId("vendor-part-status")).toHaveText("Đã đặt")
    await expect(card.getByTestId("cash-to-collect")).toContainText("Thu hộ (COD)")
    await card.getByRole("button", { name: "Đánh dấu đã gửi hàng" }).click()
    await expect(card.getByTestId("error-carrier")).toHaveText("Nhập tên đơn vị vận chuyển.")
    await card.getByLabel("Đơn vị vận chuyển").fill("GHN")
    await card.getByLabel("Mã vận đơn").fill(`GHN${run}`.toUpperCase())
    await card.getByRole("button", { name: "Đánh dấu đã gửi hàng" }).click()
    await expect(card.getByTestId("ship-confirm")).toContainText(`GHN${run}`.toUpperCase())
    await card.getByRole("button", { name: "Xác nhận đã gửi" }).click()
    await expect(card.getByTestId("form-success")).toHaveText("Đã ghi nhận gửi hàng và mã vận đơn.")
    await expect(card.getByTestId("vendor-part-status")).toHaveText("Đang giao")
    await producerContext.close()

    // The shopper's order page shows that part shipped, with the tracking number; the other is still placed.
    await page.reload()
    const tracked = page.getByTestId("order-part").filter({ has: page.getByTestId("part-tracking") })
    await expect(tracked.getByTestId("part-status")).toHaveText("Đang giao")
    await expect(tracked.getByTestId("part-tracking")).toContainText(`GHN${run}`.toUpperCase())
    const other = page.getByTestId("order-part").filter({ hasNot: page.getByTestId("part-tracking") })
    await expect(other.getByTestId("part-status")).toHaveText("Đã đặt")
    await expect(page.getByTestId("part-tracking")).toContainText("Gửi qua GHN")
  })

  test("password reset through the emailed link", async ({ page, request }) => {
    const email = `quenmk-${run}@example.vn`
    await signUp(page, email)
    await page.getByRole("button", { name: "Đăng xuất" }).click()

    await page.goto("/account/login")
    await page.getByRole("link", { name: "Quên mật khẩu?" }).click()
    await expect(page).toHaveURL(/\/account\/reset-password$/)
    await page.getByLabel("Email").fill(email)
    await page.getByRole("button", { name: "Gửi liên kết" }).click()
    await expect(page.getByTestId("form-success")).toContainText("liên kết đặt lại mật khẩu vừa được gửi")

    const admin = await tokenOf(request, "user", ADMIN)
    let resetUrl = ""
    await expect
      .poll(
        async () => {
          const res = await request.get(`${BACKEND}/admin/notifications?to=${encodeURIComponent(email)}`, {
            headers: { authorization: `Bearer ${admin}` },
          })
          const { notifications } = (await res.json()) as {
            notifications: Array<{ template: string; data: { reset_url?: string } }>
          }
          resetUrl = notifications.find((n) => n.template === "ocop-password-reset")?.data.reset_url ?? ""
          return resetUrl
        },
        { timeout: 15_000 }
      )
      .toContain("/account/reset-password?token=")

    const link = new URL(resetUrl)
    await page.goto(link.pathname + link.search)
    await page.getByLabel("Mật khẩu mới").fill("short")
    await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click()
    await expect(page.getByTestId("error-password")).toHaveText("Mật khẩu cần ít nhất 10 ký tự.")
    const newPassword = "MatKhauMoi#2027"
    await page.getByLabel("Mật khẩu mới").fill(newPassword)
    await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click()
    await expect(page).toHaveURL(/\/account\/login\?reset=1$/)
    await expect(page.getByTestId("form-success")).toHaveText("Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.")

    await page.getByLabel("Email").fill(email)
    await page.getByLabel("Mật khẩu").fill(newPassword)
    await page.getByRole("button", { name: "Đăng nhập" }).click()
    await expect(page).toHaveURL(/\/account$/)

    // The link works once.
    await page.goto(link.pathname + link.search)
    await page.getByLabel("Mật khẩu mới").fill("MotMatKhauKhac#2028")
    await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click()
    await expect(page.getByTestId("form-error")).toHaveText(
      "Liên kết đặt lại mật khẩu đã hết hạn hoặc đã được dùng. Hãy yêu cầu liên kết mới."
    )
  })

  test("a wrong password is refused in Vietnamese and in English", async ({ page }) => {
    await page.goto("/account/login")
    await page.getByLabel("Email").fill("khach@ocop.vn")
    await page.getByLabel("Mật khẩu").fill("khong-dung-mat-khau")
    await page.getByRole("button", { name: "Đăng nhập" }).click()
    await expect(page.getByTestId("form-error")).toHaveText("Email hoặc mật khẩu không đúng.")
    await expect(page.getByLabel("Email")).toHaveValue("khach@ocop.vn")

    await page.getByTestId("lang-switch").click()
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in")
    await page.getByLabel("Email").fill("khach@ocop.vn")
    await page.getByLabel("Password").fill("wrong-password-here")
    await page.getByRole("button", { name: "Sign in" }).click()
    await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.")
  })

  test("an order page opens for nobody else: another browser without the key gets a 404", async ({ browser }) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const res = await page.goto("/orders/order_01JZZZZZZZZZZZZZZZZZZZZZZZ")
    expect(res?.status()).toBe(404)
    await context.close()
  })
})
