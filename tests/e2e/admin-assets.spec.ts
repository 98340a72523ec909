import { expect, test } from "@playwright/test"

/**
 * How a production backend serves the built Medusa Admin (backend/src/lib/admin-static.ts, in
 * place of Medusa's router): index.html never cached without a check, the content-hashed assets
 * sent as the brotli/gzip copies the build wrote, immutable, with a 304 for a known ETag; and the
 * build keeps the dashboard's Vietnamese and English only. Same backend as admin-panel.spec.ts.
 */
const ADMIN = process.env.MEDUSA_ADMIN_URL

test.skip(!ADMIN, "no backend serving the built admin (MEDUSA_ADMIN_URL); scripts/test.mjs starts one")

test("index.html is revalidated; the entry script comes precompressed, immutable, 304 when known", async ({
  request,
}) => {
  const index = await request.get(`${ADMIN}/app/products`)
  expect(index.status()).toBe(200)
  expect(index.headers()["cache-control"]).toBe("no-cache")
  const etag = index.headers().etag
  expect(etag).toBeTruthy()
  const again = await request.get(`${ADMIN}/app/orders`, { headers: { "if-none-match": etag } })
  expect(again.status()).toBe(304)

  const entry = (await index.text()).match(/<script[^>]+src="(\/app\/assets\/[^"]+\.js)"/)?.[1]
  expect(entry, "the entry script in index.html").toBeTruthy()
  for (const [accept, encoding] of [
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
  ]) {
    const script = await request.get(`${ADMIN}${entry}`, { headers: { "accept-encoding": accept } })
    expect(script.status()).toBe(200)
    const headers = script.headers()
    expect(headers["content-encoding"]).toBe(encoding)
    expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable")
    expect(headers.vary).toBe("Accept-Encoding")
    expect(headers["content-type"]).toMatch(/javascript/)
    // What the build keeps: the dashboard's Vietnamese and English (OCOP_ADMIN_LANGUAGES), not its other 33.
    const body = await script.text()
    expect(body).toContain('display_name:"Tiếng Việt"')
    expect(body).toContain('display_name:"English"')
    expect(body).not.toContain('display_name:"Ελληνικά"')
    const known = await request.get(`${ADMIN}${entry}`, {
      headers: { "accept-encoding": accept, "if-none-match": headers.etag },
    })
    expect(known.status()).toBe(304)
  }
  const gone = await request.get(`${ADMIN}/app/assets/index-not-in-this-build.js`)
  expect(gone.status()).toBe(404)
})
