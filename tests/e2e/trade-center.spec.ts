import { expect, type Page, test } from "@playwright/test"
import { logInToPortal } from "./support"

// The seed's demo curator works for the Lâm Đồng trade-promotion centre.
const logIn = (page: Page) =>
  logInToPortal(page, "trade-center", { email: "xttm.lamdong@ocop.vn", password: "OcopXTTM#2026" })

test.describe("trade-centre portal", () => {
  test("a curator sees the certifications of its own province only, by product name", async ({ page }) => {
    await logIn(page)
    await page.getByLabel("Lọc theo trạng thái").selectOption("approved")
    await page.getByRole("button", { name: "Lọc" }).click()
    await expect(page).toHaveURL(/status=approved/)
    await expect(page.getByText("Trà lài Cầu Đất").first()).toBeVisible()
    // Products of other provinces are not in this centre's list.
    await expect(page.getByText("Nước mắm Phú Quốc Khải Hoàn 40 độ đạm")).toHaveCount(0)
  })

  test("province figures count the approved certificates", async ({ page }) => {
    await logIn(page)
    await page.goto("/trade-center/stats")
    await expect(page.getByRole("heading", { name: "Số liệu của tỉnh" })).toBeVisible()
    const approved = Number((await page.getByTestId("tc-approved").innerText()).replace(/\D/g, ""))
    expect(approved).toBeGreaterThan(0)
  })

  test("revoking without a reason is refused next to the field, and nothing changes", async ({ page }) => {
    await logIn(page)
    await page.goto("/trade-center/certifications?status=approved")
    const card = page.locator("li", { hasText: "Trà lài Cầu Đất" }).first()
    await card.getByRole("button", { name: "Thu hồi" }).click()
    await expect(page.getByTestId("error-reason")).toBeVisible()
    await page.goto("/search?q=tra+lai+cau+dat")
    await expect(page.getByText("Trà lài Cầu Đất").first()).toBeVisible()
  })

  test("portal pages ask for a curator login", async ({ page }) => {
    await page.goto("/trade-center/stats")
    await expect(page).toHaveURL(/\/trade-center\/login/)
  })
})
