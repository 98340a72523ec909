import { expect, test, type Page } from "@playwright/test"
import { signUpShopper, watchConsole } from "./support"

/**
 * Issue 12, the shopper's last gaps: checkout fills in a signed-in shopper's saved address (pick one
 * or enter a new one), the order page shows each producer part's own delivery fee and the total,
 * and generated product artwork is asked for in English on /en.
 */

// Two seeded, listed products of two different producers.
const FISH_SAUCE = "/products/nuoc-mam-phu-quoc-khai-hoan-40-do-dam" // Khai Hoàn, Phú Quốc
const TEA = "/products/hong-tra-phin-ho" // HTX chế biến chè Phìn Hồ
const PASSWORD = "KhachMoi#2026"
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
const amountOf = (text: string | null) => Number((text ?? "").replace(/\D/g, ""))

const signUp = (page: Page, email: string) => signUpShopper(page, { name: "Lê Văn Bình", email, password: PASSWORD })

async function saveAddress(page: Page, a: { name: string; phone: string; street: string; ward: string }) {
  await page.goto("/account/addresses")
  await page.getByLabel("Họ và tên").fill(a.name)
  await page.getByLabel("Số điện thoại di động").fill(a.phone)
  await page.getByLabel("Địa chỉ giao hàng").fill(a.street)
  await page.getByLabel("Phường/Xã/Đặc khu").fill(a.ward)
  await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
  await page.getByRole("button", { name: "Lưu địa chỉ" }).click()
  await expect(page.getByTestId("saved-address").filter({ hasText: a.street })).toBeVisible()
}

async function addToCart(page: Page, path: string) {
  await page.goto(path)
  await page.getByRole("button", { name: "Thêm vào giỏ hàng" }).click()
  await expect(page.getByTestId("cart-added")).toBeVisible({ timeout: 20_000 })
}

test.describe("checkout with saved addresses, and the order's delivery per producer", () => {
  test("a signed-in shopper picks a saved address, orders from two producers, sees each part's fee", async ({
    page,
  }) => {
    test.setTimeout(180_000)
    const errors = watchConsole(page)
    const email = `binh-${run}@example.vn`
    await signUp(page, email)
    const home = {
      name: "Lê Văn Bình",
      phone: "0912 345 678",
      street: "12 Đường Hùng Vương",
      ward: "Phường Xuân Hương",
    }
    const work = { name: "Lê Thị Hoa", phone: "0987.654.321", street: "5 Trần Phú", ward: "Phường Lâm Viên" }
    await saveAddress(page, home)
    await saveAddress(page, work)
    await addToCart(page, FISH_SAUCE)
    await addToCart(page, TEA)

    await page.goto("/checkout")
    const picker = page.getByTestId("saved-addresses")
    await expect(picker.getByRole("radio")).toHaveCount(3) // two saved + "enter a new address"
    // The first saved address is filled in, with the account's email.
    const street = page.getByLabel("Số nhà, tên đường / thôn, ấp")
    const name = page.getByLabel("Họ và tên")
    const phone = page.getByLabel("Số điện thoại di động")
    const firstStreet = await street.inputValue()
    expect([home.street, work.street]).toContain(firstStreet)
    await expect(page.getByLabel(/^Email/)).toHaveValue(email)
    await expect(page.getByLabel("Tỉnh/Thành phố")).toHaveValue(/\S/)

    // Another saved address fills the form with it; "new" empties the address.
    const other = firstStreet === home.street ? work : home
    await picker.getByRole("radio", { name: new RegExp(other.street) }).check()
    await expect(street).toHaveValue(other.street)
    await expect(name).toHaveValue(other.name)
    await expect(phone).toHaveValue(other.phone.replace(/\D/g, ""))
    await expect(page.getByLabel("Phường/Xã/Đặc khu")).toHaveValue(other.ward)
    await picker.getByRole("radio", { name: "Nhập địa chỉ mới" }).check()
    await expect(street).toHaveValue("")
    await expect(name).toHaveValue("")
    await picker.getByRole("radio", { name: new RegExp(other.street) }).check()
    await expect(street).toHaveValue(other.street)

    const fees = (await page.getByTestId("summary-shipping").allTextContents()).map(amountOf)
    expect(fees).toHaveLength(2)
    await page.getByTestId("place-order").click()
    await expect(page).toHaveURL(/\/orders\/order_/, { timeout: 30_000 })
    await expect(page.getByTestId("order-address")).toContainText(other.street)

    // The order page: each producer's part with its own delivery fee; the total adds them up.
    const parts = page.getByTestId("order-part")
    await expect(parts).toHaveCount(2)
    await expect(page.getByText("Mỗi nhà sản xuất giao phần của mình riêng")).toBeVisible()
    const partFees = (await page.getByTestId("part-delivery").allTextContents()).map(amountOf)
    expect(partFees.sort()).toEqual([...fees].sort())
    for (const fee of partFees) expect(fee).toBeGreaterThan(0)
    const items = (await page.getByTestId("part-items").allTextContents()).map(amountOf)
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    expect(amountOf(await page.getByTestId("order-total").textContent())).toBe(sum(items) + sum(partFees))
    expect(errors).toEqual([])
  })

  test("a guest's checkout has no saved addresses and empty fields", async ({ page }) => {
    await addToCart(page, TEA)
    await page.goto("/checkout")
    await expect(page.getByTestId("saved-addresses")).toHaveCount(0)
    await expect(page.getByLabel("Số nhà, tên đường / thôn, ấp")).toHaveValue("")
  })
})

test("generated artwork shows the English name on /en, the Vietnamese one at the plain URL", async ({ page }) => {
  await page.goto(`/en${TEA}`)
  const englishSrc = await page.locator("main img").first().getAttribute("src")
  expect(englishSrc).toMatch(/\/static\/ocop\/.+\.svg#en$/)
  await page.goto(TEA)
  const vietnameseSrc = await page.locator("main img").first().getAttribute("src")
  expect(vietnameseSrc).toMatch(/\.svg$/)
  // The file itself carries both names and switches on the #en fragment.
  const svg = await (await page.request.get(vietnameseSrc ?? "")).text()
  expect(svg).toContain('class="en"')
  expect(svg).toContain("#en:target .en{display:inline}")
})
