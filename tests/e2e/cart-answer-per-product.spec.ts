import { expect, test } from "@playwright/test"
import { watchConsole } from "./support"
import { gotoHydrated } from "./hydration"

/**
 * The add-to-cart answer belongs to the product it was given for: after adding one product, a
 * shopper who opens another product from the header's type-ahead (a client-side navigation, the
 * product page stays mounted) sees no "added" and no refusal there — and the header's count keeps
 * the units that were added.
 */
const FISH_SAUCE = "/products/nuoc-mam-phu-quoc-khai-hoan-40-do-dam"

test("an add to cart's answer stays on its own product's page", async ({ page }) => {
  const errors = watchConsole(page)
  await gotoHydrated(page, FISH_SAUCE)
  await page.getByRole("button", { name: "Thêm vào giỏ hàng" }).click()
  await expect(page.getByTestId("cart-added")).toBeVisible({ timeout: 20_000 })
  const header = page.getByTestId("cart-link")
  await expect(header).toHaveText("Giỏ hàng (1)")

  const box = page.getByRole("combobox", { name: "Tìm sản phẩm OCOP" })
  await box.click()
  await box.pressSequentially("mat ong", { delay: 30 })
  const list = page.getByRole("listbox", { name: "Gợi ý tìm kiếm" })
  await expect(list).toBeVisible()
  const title = (await list.getByRole("option").first().textContent())?.trim() ?? ""
  await box.press("ArrowDown")
  await box.press("Enter")
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title)
  await expect(page).not.toHaveURL(new RegExp(FISH_SAUCE))

  await expect(page.getByRole("button", { name: "Thêm vào giỏ hàng" })).toBeEnabled()
  await expect(page.getByTestId("cart-added")).toHaveCount(0)
  await expect(page.getByTestId("cart-error")).toHaveCount(0)
  await expect(header).toHaveText("Giỏ hàng (1)")
  expect(errors).toEqual([])
})
