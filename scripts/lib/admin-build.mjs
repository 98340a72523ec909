// The backend's production build (`medusa build` → backend/.medusa/server) and, in it, the built
// Medusa Admin (public/admin: the dashboard with our plugins' extensions). Shared by the bench
// (bench/lib/servers.mjs) and the test runner's admin spec (scripts/test.mjs), which build it only
// when it is missing or older than what it is built from.
import fs from "node:fs"
import path from "node:path"
import { ROOT } from "./postgres.mjs"

export const BUILT_BACKEND_DIR = path.join(ROOT, "backend", ".medusa", "server")
export const BUILT_ADMIN_INDEX = path.join(BUILT_BACKEND_DIR, "public", "admin", "index.html")
const BUILT_CONFIG = path.join(BUILT_BACKEND_DIR, "medusa-config.js")
/** The plugins' admin extension bundles (npm run build:plugins) the dashboard build includes. */
const PLUGIN_ADMIN_BUNDLES = ["ocop", "search"].map((p) =>
  path.join(ROOT, "plugins", p, ".medusa", "server", "src", "admin", "index.mjs")
)

/** Newest modification time (ms) of the backend's own sources: medusa-config.ts and src/. */
function newestBackendSource() {
  let newest = fs.statSync(path.join(ROOT, "backend", "medusa-config.ts")).mtimeMs
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else newest = Math.max(newest, fs.statSync(file).mtimeMs)
    }
  }
  walk(path.join(ROOT, "backend", "src"))
  return newest
}

/** Whether the build is current: the server part, and with `admin` the dashboard too. */
export function backendBuildIsFresh({ admin = false } = {}) {
  const newest = newestBackendSource()
  if (!fs.existsSync(BUILT_CONFIG) || fs.statSync(BUILT_CONFIG).mtimeMs < newest) return false
  if (!admin) return true
  if (!fs.existsSync(BUILT_ADMIN_INDEX)) return false
  const builtAt = fs.statSync(BUILT_ADMIN_INDEX).mtimeMs
  return (
    builtAt >= newest &&
    PLUGIN_ADMIN_BUNDLES.every((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs <= builtAt) &&
    adminIsPrecompressed()
  )
}

/**
 * Whether the built dashboard's entry script has its brotli copy beside it (written by the build
 * since backend/src/lib/admin-precompress.ts; an older build is rebuilt once to get them).
 */
export function adminIsPrecompressed() {
  const html = fs.readFileSync(BUILT_ADMIN_INDEX, "utf8")
  const entry = html.match(/<script[^>]+src="\/app\/(assets\/[^"]+\.js)"/)?.[1]
  return !!entry && fs.existsSync(path.join(path.dirname(BUILT_ADMIN_INDEX), `${entry}.br`))
}

/** `medusa build`'s arguments and environment: server only, or server and admin. */
export function backendBuildCommand({ admin = false } = {}) {
  return {
    command: process.execPath,
    args: [path.join(ROOT, "node_modules/@medusajs/cli/cli.js"), "build"],
    cwd: path.join(ROOT, "backend"),
    env: {
      ADMIN_DISABLED: admin ? "false" : "true",
      // The build loads medusa-config but connects to no database.
      DATABASE_URL: process.env.DATABASE_URL || "postgres://build@localhost/build",
    },
  }
}
