/**
 * The traceability QR as a phone camera meets it: the product page's QR image is decoded (jsQR on
 * the PNG's pixels) and the address it holds is opened — it must be the public verification page
 * of that product's certificate. And /verify reads a code in any case and spacing.
 */
import { expect, test } from "@playwright/test"
import jsQR from "jsqr"
import { PNG } from "pngjs"

test.describe("certificate QR and verification", () => {
  test("the product page's QR decodes to the verification page of that product's certificate", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/search?q=nuoc+mam")
    const card = page.getByTestId("product-card").first()
    const title = (await card.getByRole("heading").textContent())?.trim() ?? ""
    await card.getByRole("link").first().click()
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title)
    const productPath = new URL(page.url()).pathname

    const qr = page.getByTestId("certificate-qr").getByRole("img")
    await expect(qr).toBeVisible()
    await expect(qr).toHaveAttribute("alt", /^Mã QR tra cứu chứng nhận OCOP .+/)
    const src = await qr.getAttribute("src")
    const image = await page.request.get(new URL(src ?? "", page.url()).toString())
    expect(image.status()).toBe(200)
    expect(image.headers()["content-type"]).toBe("image/png")
    const png = PNG.sync.read(await image.body())
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(decoded, "a QR code was found in the image").not.toBeNull()
    const target = new URL(decoded!.data)
    // absolute, on this storefront, the verification page
    expect(target.origin).toBe(new URL(baseURL ?? page.url()).origin)
    expect(target.pathname).toBe("/verify")
    const code = target.searchParams.get("code") ?? ""
    // the code is the one the certificate table shows
    await expect(page.getByText(code, { exact: true }).first()).toBeVisible()

    await page.goto(decoded!.data)
    const result = page.getByTestId("verify-result")
    await expect(result).toContainText("Chứng nhận còn hiệu lực.")
    const product = result.getByTestId("verify-product").getByRole("link")
    await expect(product).toHaveText(title)
    await expect(product).toHaveAttribute("href", productPath)
    await expect(result.getByRole("img", { name: /sao/ }).first()).toBeVisible()
  })

  test("/verify accepts a code in any case and spacing, and names product and producer", async ({ page }) => {
    await page.goto("/search?q=mat+ong")
    await page.getByTestId("product-card").first().getByRole("link").first().click()
    const src = (await page.getByTestId("certificate-qr").getByRole("img").getAttribute("src")) ?? ""
    const code = new URL(src, page.url()).searchParams.get("code") ?? ""
    expect(code.length).toBeGreaterThan(3)
    const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim()

    const retyped = `  ${code.toLowerCase().replace(/-/g, " ")} `
    await page.goto(`/verify?code=${encodeURIComponent(retyped)}`)
    const result = page.getByTestId("verify-result")
    await expect(result).toContainText("Chứng nhận còn hiệu lực.")
    await expect(result.getByTestId("verify-product")).toHaveText(title ?? "")
    await expect(result.getByText("Chủ thể sản xuất")).toBeVisible()
  })

  test("the QR image refuses a missing code with 400 naming the field", async ({ request, baseURL }) => {
    const res = await request.get(`${baseURL}/verify/qr.png?code=`)
    expect(res.status()).toBe(400)
    expect(await res.text()).toMatch(/^code: /)
  })
})
