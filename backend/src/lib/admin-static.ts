import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { pipeline } from "node:stream"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The built Medusa Admin served by `medusa start` in place of Medusa's own router (which
 * medusa-config.ts turns off then): Medusa's compresses every asset again per request and is
 * mounted before any plugin middleware, so nothing can serve the files it holds. Here:
 * - assets (content-hashed names): the `.br` / `.gz` written at build (./admin-precompress.ts) as
 *   they are, `Cache-Control: public, max-age=31536000, immutable`, ETag per encoding;
 * - every other GET under /app: index.html with `Cache-Control: no-cache` and an ETag (304 when
 *   unchanged), so a new build is picked up at the next load.
 */
export const ADMIN_PATH = "/app"
const IMMUTABLE = "public, max-age=31536000, immutable"
const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
}

/**
 * Whether this process serves the built admin itself: a server start outside development (where
 * Medusa runs Vite's dev server instead) with the admin enabled.
 */
export function servesBuiltAdmin(env: NodeJS.ProcessEnv = process.env) {
  return env.NODE_ENV !== "development" && env.ADMIN_DISABLED !== "true"
}

type Encoding = "br" | "gzip" | "identity"
type Variant = { file: string; size: number; etag: string }
type Asset = { type: string; variants: Partial<Record<Encoding, Variant>> }

function variant(file: string, encoding: Encoding): Variant | undefined {
  if (!fs.existsSync(file)) return undefined
  const stat = fs.statSync(file)
  return {
    file,
    size: stat.size,
    etag: `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-${encoding}"`,
  }
}

/** Whether Accept-Encoding allows `name` (a token or `*` without q=0). */
export function accepts(header: string | undefined, name: string) {
  for (const part of (header ?? "").split(",")) {
    const [token, ...params] = part.split(";").map((s) => s.trim().toLowerCase())
    if (token !== name && token !== "*") continue
    const q = params.find((p) => p.startsWith("q="))
    if (!q || Number(q.slice(2)) > 0) return true
  }
  return false
}

/** If-None-Match holds one of the answer's tags (weak or strong, or `*`). */
function notModified(req: MedusaRequest, etag: string) {
  const header = req.headers["if-none-match"]
  if (!header) return false
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "")
    return tag === etag || tag === "*"
  })
}

/** Every file of the build (keyed by its path under /app), with the encodings written for it. */
function readBuild(dir: string) {
  const assets = new Map<string, Asset>()
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel)
    if (/\.(br|gz)$/.test(rel) || rel === "index.html" || !fs.statSync(file).isFile()) continue
    const variants = {
      br: variant(`${file}.br`, "br"),
      gzip: variant(`${file}.gz`, "gzip"),
      identity: variant(file, "identity"),
    }
    const type = TYPES[path.extname(rel).toLowerCase()] ?? "application/octet-stream"
    assets.set(`/${rel.split(path.sep).join("/")}`, { type, variants })
  }
  return assets
}

/**
 * The Express handler for everything under /app, or undefined when `dir` holds no build (then the
 * admin is not served, and the server says so once).
 */
export function builtAdminHandler(dir: string) {
  const indexFile = path.join(dir, "index.html")
  if (!fs.existsSync(indexFile)) return undefined
  const index = fs.readFileSync(indexFile)
  const indexEtag = `"${createHash("sha256").update(index).digest("base64url").slice(0, 27)}"`
  const assets = readBuild(dir)
  const compressible = [...assets.values()].filter((a) => a.variants.br || a.variants.gzip).length
  if (!compressible)
    console.warn(`[admin] ${dir} has no precompressed assets (.br/.gz): rebuild with \`medusa build\` to get them`)

  return function serveBuiltAdmin(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    if (req.method !== "GET" && req.method !== "HEAD") return next()
    const urlPath = req.originalUrl.split("?")[0]
    const rel = urlPath.slice(ADMIN_PATH.length) || "/"
    const asset = assets.get(rel)
    if (!asset) {
      // A hashed asset that is not in this build (a page opened before a deploy): a plain 404,
      // never index.html under a script's name.
      if (rel.startsWith("/assets/")) return res.status(404).type("text/plain").send("Not found")
      res.setHeader("Cache-Control", "no-cache")
      res.setHeader("ETag", indexEtag)
      if (notModified(req, indexEtag)) return res.status(304).end()
      res.setHeader("Content-Type", "text/html; charset=utf-8")
      res.setHeader("Content-Length", index.length)
      return req.method === "HEAD" ? res.end() : res.end(index)
    }
    const { variants } = asset
    const encoding: Encoding =
      variants.br && accepts(req.headers["accept-encoding"], "br")
        ? "br"
        : variants.gzip && accepts(req.headers["accept-encoding"], "gzip")
          ? "gzip"
          : "identity"
    const chosen = variants[encoding] as Variant
    res.setHeader("Cache-Control", IMMUTABLE)
    if (variants.br || variants.gzip) res.setHeader("Vary", "Accept-Encoding")
    res.setHeader("ETag", chosen.etag)
    if (notModified(req, chosen.etag)) return res.status(304).end()
    res.setHeader("Content-Type", asset.type)
    res.setHeader("Content-Length", chosen.size)
    if (encoding !== "identity") res.setHeader("Content-Encoding", encoding)
    if (req.method === "HEAD") return res.end()
    pipeline(fs.createReadStream(chosen.file), res, (error) => {
      if (error && !res.headersSent) next(error)
    })
  }
}
