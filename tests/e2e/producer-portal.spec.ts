import { expect, request as http, test, type APIRequestContext } from "@playwright/test"
import { eventually } from "../support/eventually"
import { createProduct, PNG, submitCertificate } from "./support"

/**
 * A producer's whole path to the marketplace, through the portal's own screens: sign up with a logo,
 * approval by the operator, a product with two photos, the certificate with its scan, the curator's
 * approval, and the product on the storefront with its photos.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
const BACKEND = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"

async function token(api: APIRequestContext, actor: string, email: string, password: string) {
  const res = await api.post(`/auth/${actor}/emailpass`, { data: { email, password } })
  expect(res.status(), `${actor} login`).toBe(200)
  return { authorization: `Bearer ${(await res.json()).token}` }
}

test("a producer signs up with a logo, lists a product with two photos and a certificate scan, and sells it", async ({
  page,
}) => {
  test.setTimeout(120_000) // seven steps through two servers
  const api = await http.newContext({ baseURL: BACKEND })
  const email = `htx-anh-${run}@example.vn`
  const shop = `HTX Cà phê Cầu Đất ${run}`
  const title = `Cà phê Arabica Cầu Đất ${run}`

  // 1. Sign-up with a logo.
  await page.goto("/producer/signup")
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Mật khẩu").fill("MatKhau#2026")
  await page.getByLabel("Tên chủ thể").fill(shop)
  await page.getByLabel("Loại hình").selectOption("cooperative")
  await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
  await page.getByLabel("Số điện thoại di động").fill("0912345678")
  await page.getByLabel(/Logo gian hàng/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG(0x20) })
  await page.getByRole("button", { name: "Đăng ký" }).click()
  await expect(page).toHaveURL(/\/producer\/profile$/)
  await expect(page.getByTestId("producer-status")).toHaveText("Chờ duyệt")
  const logo = page.getByTestId("producer-logo")
  await expect(logo).toHaveAttribute("src", /^\/files\//)
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

  // 2. The operator approves the producer (API).
  const admin = await token(api, "user", "admin@ocop.vn", "OcopAdmin#2026")
  const found = await api.get(`/admin/ocop/producers?q=${encodeURIComponent(shop)}`, { headers: admin })
  const producer = (await found.json()).producers.find((p: { name: string }) => p.name === shop)
  expect(producer, "the new producer is listed for the operator").toBeTruthy()
  expect((await api.post(`/admin/ocop/producers/${producer.id}/approve`, { headers: admin, data: {} })).status()).toBe(
    200
  )

  // 3. A product with two photos (the dashboard is the landing page after approval).
  await page.goto("/producer")
  await expect(page.getByRole("heading", { name: "Tổng quan gian hàng" })).toBeVisible()
  const productId = await createProduct(page, {
    title,
    price: "185.000 ₫",
    group: "thuc-pham",
    grams: "500",
    photos: { "mat-truoc.png": 0x40, "hat.png": 0x80 },
    caption: "Gói cà phê Cầu Đất",
  })
  await expect(page.getByLabel("Giá bán (₫)")).toHaveValue("185.000\u00A0₫")
  await expect(page.getByTestId("current-photo")).toHaveCount(2)

  // 4. The certificate with its scan: the province is shown, not chosen; a confirmation follows.
  const certificateNumber = `LD-${run}`
  await page.goto(`/producer/certifications/new?product_id=${productId}`)
  await expect(page.getByTestId("cert-province")).toHaveText("Lâm Đồng")
  await expect(page.locator("select[name=province_code], input[name=valid_from], input[name=expires_at]")).toHaveCount(
    0
  )
  await submitCertificate(page, certificateNumber)
  await expect(page).toHaveURL(new RegExp(`/producer/products/${productId}\\?submitted=`))
  await expect(page.getByTestId("form-success")).toContainText(certificateNumber)
  await expect(page.getByRole("link", { name: "Xem bản scan" })).toHaveAttribute("href", /^\/files\/.+\.pdf$/)

  // 5. The Lâm Đồng curator sees the scan and approves (API).
  const curator = await token(api, "curator", "xttm.lamdong@ocop.vn", "OcopXTTM#2026")
  const queue = await (
    await api.get("/trade-center/certifications?status=submitted&limit=100", { headers: curator })
  ).json()
  const cert = queue.certifications.find(
    (c: { certificate_number: string }) => c.certificate_number === certificateNumber
  )
  expect(cert?.issuing_authority).toBe("UBND tỉnh Lâm Đồng")
  const approved = await api.post(`/trade-center/certifications/${cert.id}/approve`, {
    headers: curator,
    data: { decision_date: new Date().toISOString().slice(0, 10) },
  })
  expect(approved.status(), await approved.text()).toBe(200)

  // 6. The producer publishes it.
  await page.goto(`/producer/products/${productId}`)
  await page.getByLabel("Trạng thái").selectOption("published")
  await page.getByRole("button", { name: "Lưu thay đổi" }).click()
  await expect(page.getByTestId("form-success")).toBeVisible()

  // 7. On the storefront, with both photos (served through this site) and the alt text.
  const producerAuth = await token(api, "producer", email, "MatKhau#2026")
  const { product } = await (await api.get(`/vendor/products/${productId}`, { headers: producerAuth })).json()
  await eventually(async () => expect((await page.request.get(`/products/${product.handle}`)).status()).toBe(200), {
    what: "the product page to be on sale",
  })
  await page.goto(`/products/${product.handle}`)
  const photos = page.locator('img[src^="/files/"]')
  await expect(photos).toHaveCount(2)
  await expect(photos.first()).toHaveAttribute("alt", "Gói cà phê Cầu Đất")
  for (const img of await photos.all()) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0)
  }
  await api.dispose()
})
