import fs from "node:fs"
import path from "node:path"
import { type APIRequestContext, type Browser, expect, test } from "@playwright/test"
import { eventually } from "../support/eventually"
import { PNG, createProduct, logInToPortal, startCampaignList, submitCertificate } from "./support"

/**
 * Issue 13's "done when", in a real browser against the real backend, each step through the screens
 * its person uses: a producer signs up with a logo, the province's trade centre approves it, the
 * producer adds a product with two photos and stock and submits its certificate with a scan, the
 * curator opens the scan and approves, the product is on the storefront with its photos, a shopper
 * cannot take more than is in stock and buys it, the producer ships it with a tracking number and
 * the shopper's order shows it shipped. Then a campaign list on the province page, and a shop's
 * second login. (Which decisions each certificate state offers: trade-center-curation.spec.ts.)
 */
const BACKEND = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
const LOGINS = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "support", "demo-logins.json"), "utf8")) as {
  admin: string
  curator: string
}
const CURATOR = { email: "xttm.lamdong@ocop.vn", password: LOGINS.curator }
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

async function newPage(browser: Browser) {
  const context = await browser.newContext()
  return context.newPage()
}

/** A producer of Lâm Đồng signed up and approved through the API, for the steps that are not about that. */
async function approvedProducer(request: APIRequestContext, name: string) {
  const who = { email: `chu-${run}-${Math.floor(Math.random() * 1e6)}@example.vn`, password: "ChuShop#2026" }
  const reg = await request.post(`${BACKEND}/auth/producer/emailpass/register`, { data: who })
  expect(reg.status(), await reg.text()).toBe(200)
  const signup = await request.post(`${BACKEND}/producers/signup`, {
    headers: { authorization: `Bearer ${(await reg.json()).token}` },
    data: { name, entity_type: "household", province_code: "68", phone: "0912345678" },
  })
  expect(signup.status(), await signup.text()).toBe(201)
  const curator = await request.post(`${BACKEND}/auth/curator/emailpass`, { data: CURATOR })
  const approved = await request.post(
    `${BACKEND}/trade-center/producers/${(await signup.json()).producer.id}/approve`,
    {
      headers: { authorization: `Bearer ${(await curator.json()).token}` },
      data: {},
    }
  )
  expect(approved.status(), await approved.text()).toBe(200)
  return who
}

test.describe("producer and trade-centre portals, end to end", () => {
  test("sign-up with a logo → approval → product with photos and stock → certificate → sale → shipped", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000) // a dozen steps through two servers on a shared machine
    const producer = { email: `htx-walk-${run}@example.vn`, password: "MatKhau#2026" }
    const shop = `HTX Chè Bảo Lộc ${run}`
    const title = `Trà Ô long Bảo Lộc ${run}`

    // 1. The producer signs up with a logo: pending until approved.
    await page.goto("/producer/signup")
    await page.getByLabel("Email").fill(producer.email)
    await page.getByLabel("Mật khẩu").fill(producer.password)
    await page.getByLabel("Tên chủ thể").fill(shop)
    await page.getByLabel("Loại hình").selectOption("cooperative")
    await page.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
    await page.getByLabel("Số điện thoại di động").fill("0912345678")
    await page
      .getByLabel(/Logo gian hàng/)
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG(0x30) })
    await page.getByRole("button", { name: "Đăng ký" }).click()
    await expect(page).toHaveURL(/\/producer\/profile$/)
    await expect(page.getByTestId("producer-status")).toHaveText("Chờ duyệt")

    // 2. The Lâm Đồng trade centre approves it in its portal (the logo shows on its card).
    const curator = await newPage(browser)
    await logInToPortal(curator, "trade-center", CURATOR)
    await curator.getByRole("link", { name: "Chủ thể chờ duyệt" }).click()
    const card = curator.getByTestId("tc-pending-producer").filter({ hasText: shop })
    await expect(card.locator('img[src^="/files/"]')).toHaveCount(1)
    await card.getByRole("button", { name: "Duyệt chủ thể" }).click()
    await expect(curator.getByText(`Đã duyệt chủ thể ${shop}.`)).toBeVisible({ timeout: 20_000 })
    await expect(curator.getByTestId("tc-pending-producer").filter({ hasText: shop })).toHaveCount(0)

    // 3. A product with two photos and 5 units in stock.
    await page.goto("/producer")
    await expect(page.getByTestId("producer-status")).toHaveText("Đang hoạt động")
    // Photos, product, inventory item and stock level in a row: slow on a loaded machine.
    const productId = await createProduct(
      page,
      {
        title,
        price: "240.000",
        group: "do-uong",
        grams: "200",
        stock: "5",
        photos: { "hop-tra.png": 0x50, "la-tra.png": 0x90 },
        caption: "Hộp trà Ô long Bảo Lộc",
      },
      { timeout: 30_000 }
    )
    await expect(page.getByTestId("current-photo")).toHaveCount(2)
    await expect(page.getByLabel("Số lượng trong kho")).toHaveValue("5")

    // 4. Its certificate with a scan.
    const certificateNumber = `LD-WALK-${run}`
    await page.goto(`/producer/certifications/new?product_id=${productId}`)
    await submitCertificate(page, certificateNumber)
    await expect(page.getByTestId("form-success")).toContainText(certificateNumber, { timeout: 20_000 })

    // 5. The curator opens the scan from the queue, then approves.
    await curator.goto("/trade-center/certifications?status=submitted")
    const pending = curator.getByTestId("tc-certification").filter({ hasText: certificateNumber })
    const scan = pending.getByTestId("tc-document").filter({ hasText: "Bản scan giấy chứng nhận" })
    const scanUrl = await scan.getAttribute("href")
    expect(scanUrl).toBeTruthy()
    const served = await curator.request.get(new URL(scanUrl as string, curator.url()).toString())
    expect(served.status()).toBe(200)
    expect((await served.body()).subarray(0, 5).toString()).toBe("%PDF-")
    await pending.getByRole("button", { name: "Duyệt" }).click()
    await expect(curator.getByText("Đã ghi nhận quyết định: Duyệt.")).toBeVisible({ timeout: 20_000 })

    // 6. The producer publishes it; it is on the storefront with both photos and its stock.
    await page.goto(`/producer/products/${productId}`)
    await page.getByLabel("Trạng thái").selectOption("published")
    await page.getByRole("button", { name: "Lưu thay đổi" }).click()
    await expect(page.getByTestId("form-success")).toBeVisible({ timeout: 20_000 })
    const storeHandle = await eventually(
      async () => {
        const listed = await page.request.get(`${BACKEND}/store/products?q=${encodeURIComponent(title)}`, {
          headers: { "x-publishable-api-key": process.env.MEDUSA_PUBLISHABLE_KEY ?? "" },
        })
        const found = ((await listed.json()).products as { handle: string; title: string }[]).find(
          (p) => p.title === title
        )
        expect(found, "the product is listed in the store API").toBeTruthy()
        return found?.handle as string
      },
      { what: "the product to be listed", timeoutMs: 30_000 }
    )
    const shopper = await newPage(browser)
    await eventually(async () => expect((await shopper.request.get(`/products/${storeHandle}`)).status()).toBe(200), {
      what: "the product page to be on sale",
      timeoutMs: 30_000,
    })
    await shopper.goto(`/products/${storeHandle}`)
    const photos = shopper.locator('img[src^="/files/"]')
    await expect(photos).toHaveCount(2)
    await expect(photos.first()).toHaveAttribute("alt", "Hộp trà Ô long Bảo Lộc")
    for (const img of await photos.all()) {
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0)
    }
    await expect(shopper.getByText("Chỉ còn 5")).toBeVisible()

    // 7. More than is in stock is refused with the figure; one unit goes into the cart and is bought.
    await shopper.getByLabel("Số lượng").fill("6")
    await shopper.getByRole("button", { name: "Thêm vào giỏ hàng" }).click()
    await expect(shopper.getByTestId("cart-error")).toContainText(`Chỉ còn 5 sản phẩm “${title}”`)
    await shopper.getByLabel("Số lượng").fill("1")
    await shopper.getByRole("button", { name: "Thêm vào giỏ hàng" }).click()
    await expect(shopper.getByTestId("cart-added")).toBeVisible({ timeout: 20_000 })
    await shopper.goto("/checkout")
    await shopper.getByLabel("Họ và tên").fill("Lê Văn Bình")
    await shopper.getByLabel("Số điện thoại di động").fill("0987 654 321")
    await shopper.getByLabel(/^Email/).fill(`khach-walk-${run}@example.vn`)
    await shopper.getByLabel("Số nhà, tên đường / thôn, ấp").fill("25 Trần Phú")
    await shopper.getByLabel("Phường/Xã/Đặc khu").fill("Phường 1")
    await shopper.getByLabel("Tỉnh/Thành phố").selectOption({ label: "Lâm Đồng" })
    await shopper.getByTestId("place-order").click()
    await expect(shopper).toHaveURL(/\/orders\/order_/, { timeout: 30_000 })
    const orderUrl = shopper.url()
    const orderId = new URL(orderUrl).pathname.split("/").pop() as string
    await expect(shopper.getByTestId("part-status")).toHaveText(["Đã đặt"])

    // 8. The producer ships its part with a carrier and a tracking number (confirmed once more).
    const tracking = `VTP${run}`.toUpperCase()
    const order = page.locator(`[data-order-id="${orderId}"]`)
    // The order reaches the producer once the order.placed subscriber has split it.
    await expect(async () => {
      await page.goto("/producer/orders")
      await expect(order).toBeVisible({ timeout: 1000 })
    }).toPass({ timeout: 30_000 })
    await expect(order.getByTestId("vendor-part-status")).toHaveText("Đã đặt")
    await order.getByLabel("Đơn vị vận chuyển").fill("Viettel Post")
    await order.getByLabel("Mã vận đơn").fill(tracking)
    await order.getByRole("button", { name: "Đánh dấu đã gửi hàng" }).click()
    await expect(order.getByTestId("ship-confirm")).toContainText(tracking)
    await order.getByRole("button", { name: "Xác nhận đã gửi" }).click()
    await expect(order.getByTestId("vendor-part-status")).toHaveText("Đang giao", { timeout: 20_000 })

    // 9. The shopper's order shows it shipped with the tracking number; the shop has 4 left.
    await shopper.goto(orderUrl)
    await expect(shopper.getByTestId("part-status")).toHaveText(["Đang giao"])
    await expect(shopper.getByTestId("part-tracking")).toContainText(tracking)
    await page.goto("/producer/products")
    await expect(page.getByTestId("vendor-product").filter({ hasText: title }).getByTestId("vendor-stock")).toHaveText(
      /Còn 4/
    )
  })

  test("a campaign list built in the portal appears on the province page", async ({ page, browser }) => {
    await logInToPortal(page, "trade-center", CURATOR)
    const title = `Hội chợ đặc sản Lâm Đồng ${run}`
    const rows = await startCampaignList(page, {
      title,
      titleEn: `Lam Dong specialties fair ${run}`,
      endsIn: 14,
      search: "tra",
    })
    const picked = (await rows.locator("label span.font-medium").allInnerTexts())[0]
    await page.getByRole("checkbox", { name: picked }).check()
    await page.getByRole("button", { name: "Lưu danh sách" }).click()
    await expect(page.getByText("Đã lưu danh sách.")).toBeVisible()

    // A shopper opens the province page: the campaign is there with its product and dates.
    const shopper = await newPage(browser)
    await eventually(
      async () => {
        await shopper.goto("/provinces/lam-dong")
        await expect(shopper.getByTestId("campaign").filter({ hasText: title })).toHaveCount(1, { timeout: 1000 })
      },
      { what: "the campaign on the province page", timeoutMs: 30_000, intervalMs: 1000 }
    )
    const campaign = shopper.getByTestId("campaign").filter({ hasText: title })
    await expect(campaign).toContainText(picked)
    await expect(campaign.getByTestId("campaign-dates")).toBeVisible()
  })

  test("a shop invites a second login that works on the shop, and removes it: the owner stays", async ({
    page,
    browser,
    request,
  }) => {
    const shop = `Hộ kinh doanh Mứt Đà Lạt ${run}`
    const owner = await approvedProducer(request, shop)
    const member = { email: `nhan-vien-${run}@example.vn`, password: "NhanVien#2026" }
    await logInToPortal(page, "producer", owner)
    await page.getByRole("link", { name: "Thành viên" }).click()
    await page.getByLabel("Email của người quản lý").fill(member.email)
    await page.getByLabel("Mật khẩu ban đầu").fill(member.password)
    await page.getByRole("button", { name: "Thêm người quản lý" }).click()
    await expect(page.getByText(`Đã thêm tài khoản ${member.email}.`)).toBeVisible()
    const mine = page.getByTestId("producer-team").locator("li", { hasText: owner.email })
    await expect(mine.getByText("Chủ gian hàng")).toBeVisible()
    await expect(mine.getByRole("button")).toHaveCount(0)

    // The member logs in to the same shop; the owner has no remove button for the member either.
    const second = await newPage(browser)
    await logInToPortal(second, "producer", member)
    await second.goto("/producer/profile")
    await expect(second.getByLabel("Tên chủ thể")).toHaveValue(shop)
    await second.goto("/producer/team")
    await expect(
      second.getByTestId("producer-team").locator("li", { hasText: owner.email }).getByRole("button")
    ).toHaveCount(0)

    // The owner removes the member after confirming; the member's next page asks it to log in again.
    const row = page.getByTestId("producer-team").locator("li", { hasText: member.email })
    await row.getByRole("button", { name: "Gỡ tài khoản" }).click()
    await page.getByRole("button", { name: "Xác nhận gỡ" }).click()
    await expect(page.getByText("Đã gỡ tài khoản.")).toBeVisible()
    await expect(page.getByTestId("producer-team").locator("li", { hasText: member.email })).toHaveCount(0)
    await second.goto("/producer/products")
    await expect(second).toHaveURL(/\/producer\/login/)
  })
})
