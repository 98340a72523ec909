import { expect, test } from "@playwright/test"

test.describe("certificate verification page", () => {
  test("an empty code gets a field error in Vietnamese, not a server error", async ({ page }) => {
    const response = await page.goto("/verify?code=")
    expect(response?.status()).toBe(400)
    await expect(page.getByLabel("Số giấy chứng nhận hoặc mã truy xuất")).toHaveAttribute("aria-invalid", "true")
    await expect(page.getByText("Vui lòng nhập mã cần tra cứu.")).toBeVisible()
  })

  test("a code nobody issued is reported as unknown", async ({ page }) => {
    await page.goto("/verify")
    await page.getByLabel("Số giấy chứng nhận hoặc mã truy xuất").fill("KHONG-CO-MA-NAY-999")
    await page.getByRole("button", { name: "Tra cứu", exact: true }).click()
    await expect(page.getByTestId("verify-result")).toContainText(
      "Không tìm thấy chứng nhận nào khớp với mã “KHONG-CO-MA-NAY-999”."
    )
  })
})
