/**
 * The built admin's serving (backend/src/lib): the build's compressed copies, the dashboard's
 * languages kept in the build, and the handler `medusa start` serves /app with — in a real
 * Express app over HTTP, on a build folder written here.
 */
import fs from "node:fs"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import express from "express"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminLanguages, keepAdminLanguages } from "../../backend/src/lib/admin-languages"
import { precompressDirectory } from "../../backend/src/lib/admin-precompress"
import { accepts, builtAdminHandler, servesBuiltAdmin } from "../../backend/src/lib/admin-static"

const DASHBOARD = path.join(__dirname, "../../node_modules/@medusajs/dashboard/dist")

describe("the dashboard's languages kept in the admin build", () => {
  const modules = fs
    .readdirSync(DASHBOARD)
    .filter((f) => f.endsWith(".mjs"))
    .map((f) => fs.readFileSync(path.join(DASHBOARD, f), "utf8"))

  it("keeps the translations and the language menu of the kept codes only, in Medusa's own modules", () => {
    const translations = modules.filter((c) => c.includes("// src/i18n/translations/index.ts"))
    const languages = modules.filter((c) => c.includes("// src/i18n/languages.ts"))
    // A Medusa upgrade that moves these makes this fail rather than the build keep every language.
    expect(translations).toHaveLength(1)
    expect(languages).toHaveLength(1)
    const kept = keepAdminLanguages(translations[0], ["vi", "en"]) as string
    const map = kept.slice(kept.indexOf("var translations_default = {"))
    const keys = [...map.slice(0, map.indexOf("\n};")).matchAll(/^ {2}(\w+): \{/gm)].map((m) => m[1])
    expect(keys).toEqual(["en", "vi"])
    expect(translations[0]).toContain("translation: el_default")
    expect(kept).not.toContain("translation: el_default")

    const menu = keepAdminLanguages(languages[0], ["vi", "en"]) as string
    expect([...menu.matchAll(/code: "(\w+)"/g)].map((m) => m[1])).toEqual(["en", "vi"])
    expect(menu).toContain("date_locale: vi")
  })

  it("leaves other modules alone and refuses a translations map of another shape", () => {
    expect(keepAdminLanguages("export const x = 1", ["en"])).toBeUndefined()
    expect(() => keepAdminLanguages("// src/i18n/translations/index.ts\nvar t = { en: en_default };", ["en"])).toThrow(
      /unknown shape/
    )
  })

  it("keeps vi and en by default, English always", () => {
    expect(adminLanguages({})).toEqual(["vi", "en"])
    expect(adminLanguages({ OCOP_ADMIN_LANGUAGES: "vi, ja" })).toEqual(["vi", "ja", "en"])
  })
})

describe("the built admin served by `medusa start`", () => {
  let dir: string
  let base: string
  let server: ReturnType<ReturnType<typeof express>["listen"]>
  const script = `console.log(${JSON.stringify("Bảng điều khiển OCOP ".repeat(400))})\n`

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-admin-build-"))
    fs.mkdirSync(path.join(dir, "assets"))
    fs.writeFileSync(path.join(dir, "index.html"), '<script type="module" src="/app/assets/index-abc.js"></script>')
    fs.writeFileSync(path.join(dir, "assets", "index-abc.js"), script)
    fs.writeFileSync(path.join(dir, "assets", "tiny-abc.js"), "export {}\n")
    fs.writeFileSync(path.join(dir, "assets", "font-abc.woff2"), Buffer.alloc(4096, 7))
    await precompressDirectory(dir)
    const handler = builtAdminHandler(dir)
    if (!handler) throw new Error("no handler for a folder with index.html")
    const app = express()
    app.use("/app", (req, res, next) => handler(req as never, res as never, next))
    server = app.listen(0)
    base = `http://localhost:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it("writes brotli and gzip copies of compressible assets once, none for small or compressed ones", () => {
    const files = fs.readdirSync(path.join(dir, "assets")).sort()
    expect(files).toEqual(["font-abc.woff2", "index-abc.js", "index-abc.js.br", "index-abc.js.gz", "tiny-abc.js"])
  })

  it("sends an asset's brotli copy as it is, immutable, and 304 for its ETag", async () => {
    const res = await fetch(`${base}/app/assets/index-abc.js`, { headers: { "accept-encoding": "gzip, br" } })
    expect(res.status).toBe(200)
    expect(res.headers.get("content-encoding")).toBe("br")
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    expect(res.headers.get("vary")).toBe("Accept-Encoding")
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8")
    expect(await res.text()).toBe(script) // fetch decodes it
    const etag = res.headers.get("etag") as string
    const again = await fetch(`${base}/app/assets/index-abc.js`, {
      headers: { "accept-encoding": "br", "if-none-match": etag },
    })
    expect(again.status).toBe(304)
    // The gzip answer is another representation: the brotli tag does not validate it.
    const gzip = await fetch(`${base}/app/assets/index-abc.js`, {
      headers: { "accept-encoding": "gzip", "if-none-match": etag },
    })
    expect(gzip.status).toBe(200)
    expect(gzip.headers.get("content-encoding")).toBe("gzip")
    expect(await gzip.text()).toBe(script)
  })

  it("sends the original to a client that accepts neither, and files without copies as they are", async () => {
    const plain = await fetch(`${base}/app/assets/index-abc.js`, { headers: { "accept-encoding": "br;q=0, identity" } })
    expect(plain.headers.get("content-encoding")).toBeNull()
    expect(Number(plain.headers.get("content-length"))).toBe(Buffer.byteLength(script))
    const font = await fetch(`${base}/app/assets/font-abc.woff2`, { headers: { "accept-encoding": "br" } })
    expect(font.headers.get("content-encoding")).toBeNull()
    expect(font.headers.get("content-type")).toBe("font/woff2")
    expect(font.headers.get("vary")).toBeNull()
  })

  it("answers every page path with index.html, not cached without a check, 304 when unchanged", async () => {
    const page = await fetch(`${base}/app/products/prod_1`)
    expect(page.status).toBe(200)
    expect(page.headers.get("cache-control")).toBe("no-cache")
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8")
    expect(await page.text()).toContain("/app/assets/index-abc.js")
    const etag = page.headers.get("etag") as string
    expect((await fetch(`${base}/app`, { headers: { "if-none-match": etag } })).status).toBe(304)
    const head = await fetch(`${base}/app/orders`, { method: "HEAD" })
    expect(head.status).toBe(200)
    expect(head.headers.get("etag")).toBe(etag)
  })

  it("refuses an asset the build does not hold (404, not index.html) and its copies by name", async () => {
    for (const name of ["gone-123.js", "index-abc.js.br", "%2e%2e%2findex.html"]) {
      const res = await fetch(`${base}/app/assets/${name}`)
      expect(res.status, name).toBe(404)
    }
  })

  it("lets other methods through to the app (Express's 404 here)", async () => {
    const res = await fetch(`${base}/app/products`, { method: "POST" })
    expect(res.status).toBe(404)
    expect(res.headers.get("cache-control")).toBeNull()
  })

  it("reads Accept-Encoding with its weights, and serves the build outside development only", () => {
    expect(accepts("gzip, deflate, br", "br")).toBe(true)
    expect(accepts("br;q=0, gzip", "br")).toBe(false)
    expect(accepts("*", "gzip")).toBe(true)
    expect(accepts(undefined, "gzip")).toBe(false)
    expect(servesBuiltAdmin({ NODE_ENV: "production" })).toBe(true)
    expect(servesBuiltAdmin({ NODE_ENV: "development" })).toBe(false)
    expect(servesBuiltAdmin({ NODE_ENV: "production", ADMIN_DISABLED: "true" })).toBe(false)
    expect(builtAdminHandler(path.join(dir, "assets"))).toBeUndefined()
  })
})
