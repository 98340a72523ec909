import { expect, type APIRequestContext } from "@playwright/test"
import demoLogins from "../support/demo-logins.json"

/** The backend the storefront under test talks to, and its publishable key (set by scripts/test.mjs). */
export const BACKEND = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
export const STORE_HEADERS = { "x-publishable-api-key": process.env.MEDUSA_PUBLISHABLE_KEY ?? "" }

/** The seed's demo curator (Lâm Đồng trade-promotion centre): a bearer token for /trade-center. */
export async function curatorToken(request: APIRequestContext): Promise<string> {
  const res = await request.post(`${BACKEND}/auth/curator/emailpass`, {
    // the test runner seeds its databases with these passwords (OCOP_DEMO_LOGINS_FILE)
    data: { email: "xttm.lamdong@ocop.vn", password: demoLogins.curator },
  })
  expect(res.status(), await res.text()).toBe(200)
  return (await res.json()).token
}

/** Listed products of a province, through the store's own search route. */
export async function listedInProvince(request: APIRequestContext, province: string, limit = 4) {
  const res = await request.get(`${BACKEND}/store/ocop/search?province=${province}&limit=${limit}`, {
    headers: STORE_HEADERS,
  })
  expect(res.status()).toBe(200)
  const { hits } = (await res.json()) as { hits: { id: string; handle: string; title: string }[] }
  expect(hits.length).toBeGreaterThan(0)
  return hits
}

/** Every listed product's handle through Medusa's core store route (the publishable key's channel). */
export async function listedHandles(request: APIRequestContext): Promise<string[]> {
  const handles: string[] = []
  for (let offset = 0; ; offset += 200) {
    const res = await request.get(`${BACKEND}/store/products?fields=handle&limit=200&offset=${offset}`, {
      headers: STORE_HEADERS,
    })
    expect(res.status()).toBe(200)
    const body = (await res.json()) as { products: { handle: string }[]; count: number }
    handles.push(...body.products.map((p) => p.handle))
    if (handles.length >= body.count || body.products.length === 0) return handles
  }
}

/** yyyy-mm-dd, `days` from today (UTC). */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}
