import { crc32, deflateSync } from "node:zlib"
import { type APIRequestContext, expect, type Page } from "@playwright/test"

const BACKEND = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"

/** A VND price as shown to shoppers: "120.000 ₫" with a non-breaking space. */
export const VND = /\d{1,3}(\.\d{3})*\u00A0₫/

/**
 * Collect script errors (hydration, exceptions). Failed resource loads are left out: product
 * images are served by the backend and say nothing about the storefront; the favicon has its own test.
 */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text())
  })
  page.on("pageerror", (err) => errors.push(err.message))
  return errors
}

/** A real 8×8 PNG of one colour (each photo distinct; the server decodes and re-encodes it). */
export function PNG(shade: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4)
    head.writeUInt32BE(body.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])))
    return Buffer.concat([head, Buffer.from(type), body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(8, 0)
  header.writeUInt32BE(8, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(8 * 3, shade)])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)))),
    chunk("IEND", Buffer.alloc(0)),
  ])
}

/** A shopper signs up on the register page and lands on the account page. */
export async function signUpShopper(
  page: Page,
  { name, email, password }: { name: string; email: string; password: string }
) {
  await page.goto("/account/register")
  await page.getByLabel("Họ và tên").fill(name)
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Mật khẩu").fill(password)
  await page.getByRole("button", { name: "Tạo tài khoản" }).click()
  await expect(page).toHaveURL(/\/account$/)
}

/**
 * A product created on the producer portal's new-product form (in Vietnamese): the name, price as
 * typed, OCOP group, weight, optionally the stock, and photos (file name → shade) with one caption.
 * Waits for its page (up to `timeout` ms) and returns its id.
 */
export async function createProduct(
  page: Page,
  product: {
    title: string
    price: string
    group: string
    grams: string
    stock?: string
    photos: Record<string, number>
    caption: string
  },
  { timeout }: { timeout?: number } = {}
): Promise<string> {
  await page.goto("/producer/products/new")
  await page.getByLabel("Tên sản phẩm").fill(product.title)
  await page.getByLabel("Giá bán (₫)").fill(product.price)
  await page.getByLabel("Nhóm sản phẩm OCOP").selectOption(product.group)
  await page.getByLabel("Khối lượng (gam)").fill(product.grams)
  if (product.stock !== undefined) await page.getByLabel("Số lượng trong kho").fill(product.stock)
  await page
    .getByLabel(/^Ảnh sản phẩm/)
    .setInputFiles(
      Object.entries(product.photos).map(([name, shade]) => ({ name, mimeType: "image/png", buffer: PNG(shade) }))
    )
  await page.getByLabel(/^Chú thích ảnh/).fill(product.caption)
  await page.getByRole("button", { name: "Tạo sản phẩm" }).click()
  await expect(page).toHaveURL(/\/producer\/products\/prod_/, { timeout })
  return new URL(page.url()).pathname.split("/").pop() as string
}

/** The day `offset` days from now, as a date field takes it (YYYY-MM-DD). */
export const dayFromNow = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/**
 * A curator starts a dated campaign list in the trade-centre portal (from yesterday to `endsIn`
 * days ahead) and searches the province's products for it; the visible rows to pick from are returned.
 */
export async function startCampaignList(
  page: Page,
  list: { title: string; titleEn: string; endsIn: number; search: string }
) {
  await page.getByRole("link", { name: "Danh sách nổi bật" }).click()
  await page.getByRole("link", { name: "Tạo danh sách mới" }).click()
  await page.getByLabel("Tên danh sách (tiếng Việt)").fill(list.title)
  await page.getByLabel("Tên danh sách (tiếng Anh)").fill(list.titleEn)
  await page.getByLabel("Chiến dịch / hội chợ").check()
  await page.getByLabel("Bắt đầu").fill(dayFromNow(-1))
  await page.getByLabel("Kết thúc").fill(dayFromNow(list.endsIn))
  await page.getByLabel("Tìm sản phẩm của tỉnh").fill(list.search)
  const rows = page.getByTestId("tc-pick-row").filter({ visible: true })
  await expect(rows.first()).toBeVisible()
  return rows
}

/** On the open certificate form of the producer portal: a 4★ certificate with this number and a PDF scan, sent. */
export async function submitCertificate(page: Page, certificateNumber: string) {
  await page.getByLabel("Hạng sao").selectOption("4")
  await page.getByLabel("Số giấy chứng nhận").fill(certificateNumber)
  await page.getByLabel(/Bản scan giấy chứng nhận/).setInputFiles({
    name: "giay-chung-nhan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  })
  await page.getByRole("button", { name: "Nộp hồ sơ" }).click()
}

/** A login's bearer token, straight from the backend's auth route (producer, curator, customer or user). */
export async function tokenOf(request: APIRequestContext, actor: string, who: { email: string; password: string }) {
  const res = await request.post(`${BACKEND}/auth/${actor}/emailpass`, { data: who })
  expect(res.status(), `${actor} login`).toBe(200)
  return ((await res.json()) as { token: string }).token
}

/** Logs in on a portal's login page (in Vietnamese) and waits for the portal's first page. */
export async function logInToPortal(
  page: Page,
  portal: "producer" | "trade-center",
  who: { email: string; password: string }
) {
  await page.goto(`/${portal}/login`)
  await page.getByLabel("Email").fill(who.email)
  await page.getByLabel("Mật khẩu").fill(who.password)
  await page.getByRole("button", { name: "Đăng nhập" }).click()
  await expect(page).toHaveURL(portal === "producer" ? /\/producer$/ : /\/trade-center\/certifications/)
}

/** Puts one of a product page's item in the cart and waits for the page to say so. */
export async function addToCart(page: Page, path: string) {
  await page.goto(path)
  await page.getByRole("button", { name: "Thêm vào giỏ hàng" }).click()
  // A signed-in shopper's first line also creates the cart and hands it to the account: three calls.
  await expect(page.getByTestId("cart-added")).toBeVisible({ timeout: 20_000 })
}
