import { expect, test, type Page } from "@playwright/test"

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

async function signUp(page: Page, label: string) {
  const email = `htx-${label}-${run}@example.vn`
  await page.goto("/producer/signup")
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Mật khẩu").fill("MatKhau#2026")
  await page.getByLabel("Tên chủ thể").fill(`HTX thử nghiệm ${label} ${run}`)
  await page.getByLabel("Loại hình").selectOption("cooperative")
  await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
  await page.getByLabel("Số điện thoại di động").fill("0912345678")
  await page.getByRole("button", { name: "Đăng ký" }).click()
  await expect(page).toHaveURL(/\/producer\/profile$/)
  return email
}

// A new sign-up waits for approval and may not create products: product tests use the seed's
// approved Lâm Đồng producer.
async function logInAsApprovedProducer(page: Page) {
  await page.goto("/producer/login")
  await page.getByLabel("Email").fill("htx@ocop.vn")
  await page.getByLabel("Mật khẩu").fill("OcopHTX#2026")
  await page.getByRole("button", { name: "Đăng nhập" }).click()
  await expect(page).toHaveURL(/\/producer$/)
}

test.describe("producer portal", () => {
  test("a producer signs up and sees that the account waits for approval", async ({ page }) => {
    await signUp(page, "a")
    await expect(page).toHaveURL(/\/producer\/profile$/)
    await expect(page.getByTestId("producer-status")).toHaveText("Chờ duyệt")
    await expect(page.getByText("đang chờ trung tâm xúc tiến thương mại duyệt")).toBeVisible()
  })

  test("a bad sign-up shows field errors and keeps the input", async ({ page }) => {
    await page.goto("/producer/signup")
    await page.getByLabel("Tên chủ thể").fill("HTX Chè")
    await page.getByLabel("Số điện thoại di động").fill("12345")
    await page.getByRole("button", { name: "Đăng ký" }).click()
    await expect(page.getByTestId("error-phone")).toBeVisible()
    await expect(page.getByTestId("error-email")).toBeVisible()
    await expect(page.getByLabel("Tên chủ thể")).toHaveValue("HTX Chè")
  })

  test("a weak password is refused in Vietnamese, by the form and then by the backend", async ({ page }) => {
    await page.goto("/producer/signup")
    await page.getByLabel("Email").fill(`htx-weak-${run}@example.vn`)
    await page.getByLabel("Mật khẩu").fill("Matkhau1")
    await page.getByLabel("Tên chủ thể").fill(`HTX mật khẩu yếu ${run}`)
    await page.getByLabel("Loại hình").selectOption("cooperative")
    await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
    await page.getByLabel("Số điện thoại di động").fill("0912345678")
    await page.getByRole("button", { name: "Đăng ký" }).click()
    await expect(page.getByTestId("error-password")).toHaveText("Mật khẩu cần ít nhất 10 ký tự.")
    // Long enough and mixed, so the form lets it through; the backend's longer list refuses it.
    await page.getByLabel("Mật khẩu").fill("vietnam2025")
    await page.getByRole("button", { name: "Đăng ký" }).click()
    await expect(page.getByTestId("error-password")).toHaveText(
      "Mật khẩu này quá phổ biến và dễ bị đoán; hãy chọn mật khẩu khác."
    )
    await expect(page.getByTestId("form-error")).toHaveText("Vui lòng sửa các mục được đánh dấu bên dưới.")
    await expect(page).toHaveURL(/\/producer\/signup$/)
    await expect(page.getByLabel("Tên chủ thể")).toHaveValue(`HTX mật khẩu yếu ${run}`)
  })

  test("a new product shows why it is not on sale, and publishing it uncertified is refused", async ({ page }) => {
    await logInAsApprovedProducer(page)
    await page.goto("/producer/products/new")
    await page.getByLabel("Tên sản phẩm").fill(`Chè Shan tuyết thử nghiệm ${run}`)
    await page.getByLabel("Giá bán (₫)").fill("12,5")
    await page.getByRole("button", { name: "Tạo sản phẩm" }).click()
    await expect(page.getByTestId("error-price")).toHaveText(/số đồng nguyên/)
    await page.getByLabel("Giá bán (₫)").fill("350.000")
    await page.getByRole("button", { name: "Tạo sản phẩm" }).click()
    await expect(page).toHaveURL(/\/producer\/products\/prod_/)
    await expect(page.getByTestId("blocked-reasons")).toContainText("chưa có chứng nhận OCOP")
    await expect(page.getByLabel("Giá bán (₫)")).toHaveValue("350.000\u00A0₫")
    await page.getByLabel("Trạng thái").selectOption("published")
    await page.getByRole("button", { name: "Lưu thay đổi" }).click()
    await expect(page.getByTestId("form-error")).toContainText("Không lưu được")
  })

  test("a producer cannot open another producer's product in the portal", async ({ browser }) => {
    const a = await browser.newContext()
    const pageA = await a.newPage()
    await logInAsApprovedProducer(pageA)
    await pageA.goto("/producer/products/new")
    await pageA.getByLabel("Tên sản phẩm").fill(`Mật ong bạc hà của A ${run}`)
    await pageA.getByLabel("Giá bán (₫)").fill("280000")
    await pageA.getByRole("button", { name: "Tạo sản phẩm" }).click()
    await expect(pageA).toHaveURL(/\/producer\/products\/prod_/)
    const productUrl = new URL(pageA.url()).pathname

    const b = await browser.newContext()
    const pageB = await b.newPage()
    await signUp(pageB, "d")
    const response = await pageB.goto(productUrl)
    expect(response?.status()).toBe(404)
    await expect(pageB.getByText(`Mật ong bạc hà của A ${run}`)).toHaveCount(0)
    await pageB.goto("/producer/products")
    await expect(pageB.getByTestId("vendor-product")).toHaveCount(0)
    await a.close()
    await b.close()
  })

  test("portal pages ask for a login", async ({ page }) => {
    await page.goto("/producer/orders")
    await expect(page).toHaveURL(/\/producer\/login\?redirectTo=%2Fproducer%2Forders/)
    await page.goto("/trade-center/stats")
    await expect(page).toHaveURL(/\/trade-center\/login/)
  })
})
