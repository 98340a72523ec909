import fs from "node:fs"
import path from "node:path"
import { type APIRequestContext, expect, type Page, test } from "@playwright/test"
import { logInToPortal, startCampaignList, watchConsole } from "./support"

/**
 * Issue 13, trade-centre part, as the Lâm Đồng curator of the seed works: a campaign list built in
 * the portal reaches the province's featured lists in the store API; each certificate offers only the
 * decisions its state allows (pending, approved, suspended), a double click decides once; the export
 * downloads a CSV a Vietnamese spreadsheet reads.
 */
const BACKEND = process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000"
const STORE_HEADERS = { "x-publishable-api-key": process.env.MEDUSA_PUBLISHABLE_KEY ?? "" }
// The passwords the test run seeds the demo logins with (scripts/test.mjs passes this file to the seed).
const LOGINS = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "support", "demo-logins.json"), "utf8")) as {
  admin: string
  producer: string
  curator: string
}
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

const logIn = (page: Page) =>
  logInToPortal(page, "trade-center", { email: "xttm.lamdong@ocop.vn", password: LOGINS.curator })

async function token(
  request: APIRequestContext,
  actor: "producer" | "curator" | "user",
  email: string,
  password: string
) {
  const res = await request.post(`${BACKEND}/auth/${actor}/emailpass`, { data: { email, password } })
  expect(res.status(), await res.text()).toBe(200)
  return { authorization: `Bearer ${(await res.json()).token}` }
}

/** The seed's Lâm Đồng producer submits a certificate for a new product: a pending card in the queue. */
async function pendingCertificate(request: APIRequestContext, title: string) {
  const producer = await token(request, "producer", "htx@ocop.vn", LOGINS.producer)
  const product = await request.post(`${BACKEND}/vendor/products`, {
    headers: producer,
    data: { title, price: 150000 },
  })
  expect(product.status(), await product.text()).toBeLessThan(300)
  const productId = (await product.json()).product.id as string
  const cert = await request.post(`${BACKEND}/vendor/certifications`, {
    headers: producer,
    data: {
      product_id: productId,
      stars: 4,
      score: 78,
      group_slug: "thuc-pham",
      subgroup_slug: "thuc-pham-che-bien",
      certificate_number: `CN-E2E-${run}-${Math.floor(Math.random() * 1e6)}`,
      decision_number: "1234/QĐ-UBND",
      decision_date: "2025-06-19",
      issuing_authority: "UBND tỉnh Lâm Đồng",
    },
  })
  expect(cert.status(), await cert.text()).toBeLessThan(300)
  return { productId, certificationId: (await cert.json()).certification.id as string }
}

async function decisionsOn(request: APIRequestContext, certificationId: string, action: string) {
  const admin = await token(request, "user", "admin@ocop.vn", LOGINS.admin)
  const res = await request.get(`${BACKEND}/admin/ocop/audit-events?entity_id=${certificationId}`, { headers: admin })
  const { audit_events } = (await res.json()) as { audit_events: { action: string }[] }
  return audit_events.filter((e) => e.action === action).length
}

async function buttonsOf(page: Page, title: string) {
  const card = page.getByTestId("tc-certification").filter({ hasText: title })
  await expect(card).toHaveCount(1)
  return card.locator("form button").allInnerTexts()
}

test.describe("trade-centre curation", () => {
  test("a campaign list built, ordered and previewed in the portal reaches the province page data", async ({
    page,
    request,
  }) => {
    const errors = watchConsole(page)
    await logIn(page)
    const title = `Tuần lễ cà phê Lâm Đồng ${run}`
    // Search without accents, pick two products and put the second one first.
    const rows = await startCampaignList(page, {
      title,
      titleEn: `Lam Dong coffee week ${run}`,
      endsIn: 30,
      search: "ca phe",
    })
    const picked = (await rows.locator("label span.font-medium").allInnerTexts()).slice(0, 2)
    expect(picked).toHaveLength(2)
    for (const [i, name] of picked.entries()) {
      await page.getByRole("checkbox", { name }).check()
      await page.getByRole("spinbutton", { name: `Thứ tự: ${name}` }).fill(String(2 - i))
    }
    await page.getByRole("button", { name: "Lưu danh sách" }).click()
    await expect(page).toHaveURL(/\/trade-center\/featured\/ofl_[^?]+\?saved=1/)
    await expect(page.getByText("Đã lưu danh sách.")).toBeVisible()
    const listId = new URL(page.url()).pathname.split("/").pop() as string
    const preview = page.getByTestId("tc-preview-item")
    await expect(preview).toHaveCount(2)
    await expect(preview.nth(0)).toContainText(`1. ${picked[1]}`)
    await expect(preview.nth(1)).toContainText(`2. ${picked[0]}`)

    // The province page reads the store API's featured lists: the campaign is there, in this order.
    const store = await request.get(`${BACKEND}/store/ocop/featured-lists?placement=campaign&province=lam-dong`, {
      headers: STORE_HEADERS,
    })
    expect(store.status()).toBe(200)
    const lists = (await store.json()).featured_lists as {
      id: string
      title_vi: string
      products: { title: string }[]
    }[]
    const shown = lists.find((l) => l.id === listId)
    expect(shown?.title_vi).toBe(title)
    expect(shown?.products.map((p) => p.title)).toEqual([picked[1], picked[0]])

    // Deleting asks first, then the list is gone from the portal and the store.
    await page.getByRole("button", { name: "Xoá danh sách" }).click()
    await expect(page.getByTestId("tc-confirm")).toContainText(title)
    await page.getByRole("button", { name: "Xác nhận xoá" }).click()
    await expect(page).toHaveURL(/\/trade-center\/featured\?deleted=1/)
    await expect(page.getByText(title)).toHaveCount(0)
    const after = await request.get(`${BACKEND}/store/ocop/featured-lists?placement=campaign&province=lam-dong`, {
      headers: STORE_HEADERS,
    })
    expect(((await after.json()).featured_lists as { id: string }[]).map((l) => l.id)).not.toContain(listId)
    expect(errors).toEqual([])
  })

  test("pending, approved and suspended certificates offer only their decisions; a double click decides once", async ({
    page,
    request,
  }) => {
    const title = `Trà atiso thử nghiệm ${run}`
    const { certificationId } = await pendingCertificate(request, title)
    await logIn(page)

    await page.goto("/trade-center/certifications?status=submitted")
    expect(await buttonsOf(page, title)).toEqual(["Duyệt", "Từ chối"])
    const card = page.getByTestId("tc-certification").filter({ hasText: title })
    await expect(card.getByRole("link", { name: "Xem sản phẩm" })).toBeVisible()
    await expect(card.getByRole("link", { name: /Xem chủ thể/ })).toBeVisible()
    await card.getByRole("button", { name: "Duyệt" }).dblclick()
    await expect(page.getByText("Đã ghi nhận quyết định: Duyệt.")).toBeVisible()
    expect(await decisionsOn(request, certificationId, "approve")).toBe(1)

    await page.goto("/trade-center/certifications?status=approved")
    expect(await buttonsOf(page, title)).toEqual(["Đình chỉ", "Thu hồi"])
    const approved = page.getByTestId("tc-certification").filter({ hasText: title })
    await approved.getByLabel(/Lý do/).fill("Nhãn chưa ghi hạn sử dụng")
    await approved.getByRole("button", { name: "Đình chỉ" }).click()
    // A destructive decision is asked twice; nothing happens before the confirmation.
    await expect(approved.getByTestId("tc-confirm")).toContainText("Lý do: Nhãn chưa ghi hạn sử dụng")
    expect(await decisionsOn(request, certificationId, "suspend")).toBe(0)
    await approved.getByRole("button", { name: "Xác nhận: Đình chỉ" }).dblclick()
    await expect(page.getByText("Đã ghi nhận quyết định: Đình chỉ.")).toBeVisible()
    expect(await decisionsOn(request, certificationId, "suspend")).toBe(1)

    await page.goto("/trade-center/certifications?status=suspended")
    expect(await buttonsOf(page, title)).toEqual(["Khôi phục", "Thu hồi"])
    await expect(page.getByTestId("tc-certification").filter({ hasText: title })).toContainText(
      "Nhãn chưa ghi hạn sử dụng"
    )
  })

  test("five identical decisions sent at once: one is recorded, four are refused with 409", async ({ request }) => {
    const { certificationId } = await pendingCertificate(request, `Mứt dâu thử nghiệm ${run}`)
    const curator = await token(request, "curator", "xttm.lamdong@ocop.vn", LOGINS.curator)
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        request
          .post(`${BACKEND}/trade-center/certifications/${certificationId}/approve`, { headers: curator, data: {} })
          .then((r) => r.status())
      )
    )
    expect(statuses.sort()).toEqual([200, 409, 409, 409, 409])
    expect(await decisionsOn(request, certificationId, "approve")).toBe(1)
  })

  test("the export button downloads a CSV with Vietnamese headers, names and statuses", async ({ page }) => {
    await logIn(page)
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải danh sách chứng nhận (CSV)" }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const bytes = fs.readFileSync(await download.path())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...rows] = bytes.subarray(3).toString("utf8").trim().split("\r\n")
    expect(header).toBe(
      "Số giấy chứng nhận,Sản phẩm,Chủ thể,Tỉnh/thành,Hạng sao,Điểm,Nhóm sản phẩm,Cơ quan công nhận," +
        "Số quyết định,Ngày quyết định,Hiệu lực từ,Hết hạn,Trạng thái,Lý do"
    )
    expect(rows.length).toBeGreaterThan(0)
    // The product keeps its history: an expired certificate and the valid one.
    const tea = rows.filter((r) => r.includes("Trà lài Cầu Đất"))
    expect(tea.some((r) => r.includes(",Lâm Đồng,") && r.includes(",Còn hiệu lực,"))).toBe(true)
    expect(tea.some((r) => r.includes(",Hết hiệu lực,"))).toBe(true)
    for (const r of tea) expect(r).toMatch(/,\d{2}\/\d{2}\/\d{4},\d{2}\/\d{2}\/\d{4},/)
    expect(rows.join("\n")).not.toMatch(/,(approved|expired|submitted|suspended|revoked|rejected),/)
  })

  test("a curator adds a colleague and removes it after confirming; its own login has no remove button", async ({
    page,
  }) => {
    await logIn(page)
    await page.getByRole("link", { name: "Cán bộ của trung tâm" }).click()
    const email = `dong-nghiep-${run}@ocop.test`
    await page.getByLabel("Email của cán bộ").fill(email)
    await page.getByLabel("Mật khẩu ban đầu").fill("123")
    await page.getByRole("button", { name: "Thêm cán bộ" }).click()
    await expect(page.getByTestId("error-password")).toBeVisible()
    await page.getByLabel("Mật khẩu ban đầu").fill("DongNghiep#2026")
    await page.getByRole("button", { name: "Thêm cán bộ" }).click()
    await expect(page.getByText(`Đã thêm tài khoản ${email}.`)).toBeVisible()
    const mine = page.getByTestId("tc-team").locator("li", { hasText: "xttm.lamdong@ocop.vn" })
    await expect(mine.getByText("Bạn")).toBeVisible()
    await expect(mine.getByRole("button")).toHaveCount(0)
    const colleague = page.getByTestId("tc-team").locator("li", { hasText: email })
    await colleague.getByRole("button", { name: "Gỡ tài khoản" }).click()
    await page.getByRole("button", { name: "Xác nhận gỡ" }).click()
    await expect(page.getByText("Đã gỡ tài khoản.")).toBeVisible()
    await expect(page.getByTestId("tc-team").locator("li", { hasText: email })).toHaveCount(0)
  })
})
