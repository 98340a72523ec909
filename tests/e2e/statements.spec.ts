import fs from "node:fs"
import { expect, test, type APIRequestContext } from "@playwright/test"
import { tokenOf } from "./support"

/**
 * Producer statements (issue 16) in a real browser: a shopper pays cash on delivery, the producer's
 * part is shipped and delivered, the producer records the cash on its orders page, opens the month's
 * statement and downloads it as CSV — UTF-8 with a BOM, Vietnamese headings, its order's line with
 * the commission the operator set and the payout due after the cash it kept.
 */
const BACKEND = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
const PRODUCER = { email: "htx@ocop.vn", password: "OcopHTX#2026" } // seeded Lâm Đồng cooperative
const ADMIN = { email: "admin@ocop.vn", password: "OcopAdmin#2026" }
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

test("a producer records the cash it collected and downloads its monthly statement", async ({ page, request }) => {
  test.setTimeout(120_000)
  const admin = { authorization: `Bearer ${await tokenOf(request, "user", ADMIN)}` }
  const producer = { authorization: `Bearer ${await tokenOf(request, "producer", PRODUCER)}` }
  // The operator's commission: 10% of net sales for every product group.
  const rate = await request.post(`${BACKEND}/admin/ocop/commission-rates`, {
    headers: admin,
    data: { product_group: "*", rate_bps: 1000, effective_from: "2025-01" },
  })
  expect(rate.status()).toBe(200)

  // A guest buys one item of the producer's first listed product, cash on delivery.
  const listed = await request.get(`${BACKEND}/vendor/products?limit=100`, { headers: producer })
  const { products } = (await listed.json()) as {
    products: Array<{ handle: string; status: string; product_listing?: { listed?: boolean } | null }>
  }
  const product = products.find((p) => p.status === "published" && p.product_listing?.listed)
  expect(product, "a listed product of the seeded producer").toBeTruthy()
  await page.goto(`/products/${product?.handle}`)
  await page.getByRole("button", { name: "Thêm vào giỏ hàng" }).click()
  await expect(page.getByTestId("cart-added")).toBeVisible({ timeout: 20_000 })
  await page.goto("/checkout")
  await page.getByLabel("Họ và tên").fill("Trần Thị Thu")
  await page.getByLabel("Số điện thoại di động").fill("0912 345 678")
  await page.getByLabel(/^Email/).fill(`saoke-${run}@example.vn`)
  await page.getByLabel("Số nhà, tên đường / thôn, ấp").fill("Thôn 10")
  await page.getByLabel("Phường/Xã/Đặc khu").fill("Xã Trường Xuân")
  await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
  await page.getByTestId("place-order").click()
  await expect(page).toHaveURL(/\/orders\/order_/, { timeout: 30_000 })
  const orderId = page.url().split("/orders/")[1].split("?")[0]

  // The producer's part reaches it (the order split runs on order.placed), is shipped and delivered.
  let part: { display_id: number; created_at: string; subtotal: number; cash_to_collect: number } | undefined
  await expect
    .poll(async () => {
      const res = await request.get(`${BACKEND}/vendor/orders/${orderId}`, { headers: producer })
      if (res.status() === 200) part = (await res.json()).order
      return res.status()
    })
    .toBe(200)
  if (!part) throw new Error("no part")
  const shipped = await request.post(`${BACKEND}/vendor/orders/${orderId}/shipments`, {
    headers: producer,
    data: { carrier: "GHN", tracking_number: `GHN${run}`.toUpperCase() },
  })
  expect(shipped.status()).toBe(201)
  const delivered = await request.post(`${BACKEND}/vendor/orders/${orderId}/status`, {
    headers: producer,
    data: { action: "deliver" },
  })
  expect(delivered.status()).toBe(200)

  // In the portal: record the cash collected (the form offers the amount to collect).
  await page.goto("/producer/login")
  await page.getByLabel("Email").fill(PRODUCER.email)
  await page.getByLabel("Mật khẩu").fill(PRODUCER.password)
  await page.getByRole("button", { name: "Đăng nhập" }).click()
  await expect(page).toHaveURL(/\/producer$/)
  await page.getByRole("link", { name: "Sao kê" }).first().waitFor()
  await page.goto("/producer/orders")
  const card = page.locator(`[data-order-id="${orderId}"]`)
  await expect(card.getByLabel("Số tiền đã thu (₫)")).toHaveValue(String(part.cash_to_collect))
  await card.getByRole("button", { name: "Ghi nhận đã thu tiền" }).click()
  await expect(card.getByTestId("form-success")).toHaveText("Đã ghi nhận tiền thu hộ.")
  await expect(card.getByTestId("cash-recorded")).toContainText("bạn thu")

  // The month's statement, then its CSV.
  const month = new Date(new Date(part.created_at).getTime() + 7 * 3600e3).toISOString().slice(0, 7)
  await page.getByRole("link", { name: "Sao kê" }).first().click()
  await expect(page).toHaveURL(/\/producer\/statements/)
  await page.goto(`/producer/statements?month=${month}`)
  await expect(page.getByTestId("statement-line").filter({ hasText: `#${part.display_id}` })).toHaveCount(1)
  const downloading = page.waitForEvent("download")
  await page.getByTestId("statement-download").click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`sao-ke-${month}-${(await listedProducerId(request, producer)) ?? ""}.csv`)
  const bytes = fs.readFileSync((await download.path()) as string)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const [header, ...rows] = bytes.subarray(3).toString("utf8").trim().split("\r\n")
  expect(header).toContain("Phí sàn (Commission)")
  expect(header).toContain("Sàn phải trả (Payout due)")
  const goods = part.subtotal
  const commission = Math.round(goods / 10) // 10%, half up; a cooperative has no tax withheld
  const shipping = part.cash_to_collect - goods
  // The producer's name may be quoted (a comma in it): read the line from its order column on.
  const marker = `,#${part.display_id},`
  const line = rows.find((r) => r.includes(marker))
  expect(line, "the order's line in the CSV").toBeTruthy()
  expect(
    line
      ?.slice(line.indexOf(marker) + 1)
      .split(",")
      .slice(2)
  ).toEqual([
    "đã quyết toán (settled)",
    String(goods),
    "0",
    "0",
    String(goods),
    String(commission),
    "0",
    "0",
    String(goods - commission),
    String(shipping),
    String(part.cash_to_collect),
    "0",
    String(-commission),
  ])
  expect(rows.some((r) => r.includes("Tổng cộng (Total)"))).toBe(true)
})

async function listedProducerId(request: APIRequestContext, headers: Record<string, string>) {
  const res = await request.get(`${BACKEND}/vendor/me`, { headers })
  return ((await res.json()) as { producer?: { id: string } }).producer?.id
}
