import { randomBytes } from "node:crypto"
import { loadEnv, defineConfig, Modules } from "@medusajs/framework/utils"
// Built output of plugins/search (scripts build plugins before the backend starts).
import { searchModuleConfig } from "@ocop-marketplace/search/search-config"
import { bankTransferAccount } from "@ocop-marketplace/ocop/lib/bank-transfer"
import { vnpayConfig } from "@ocop-marketplace/ocop/lib/vnpay"
import { adminCompileHintPlugin } from "./src/lib/admin-compile-hints"
import { earlyAdminRequestsPlugin } from "./src/lib/admin-early-requests"
import { keepAdminLanguagesPlugin } from "./src/lib/admin-languages"
import { precompressAdminAssets } from "./src/lib/admin-precompress"
import { servesBuiltAdmin } from "./src/lib/admin-static"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const isProduction = process.env.NODE_ENV === "production"

/**
 * JWT and cookie secrets. `npm start` and `npm test` pass secrets generated once into the
 * git-ignored .data/secrets.json (scripts/lib/secrets.mjs). There is no fixed fallback: a token
 * signed with a value from the source would open every account.
 * Without them, a server that others can reach (NODE_ENV=production, or listening on anything but
 * localhost — Medusa listens on every interface unless HOST / -H says otherwise) refuses to start;
 * a local server, a CLI command or a test run gets a random value for this process only (its
 * tokens end with it).
 */
function listenHost(): string | undefined {
  const argv = process.argv
  const flag = argv.findIndex((a) => a === "-H" || a === "--host")
  const inline = argv.find((a) => a.startsWith("--host="))
  return (flag >= 0 ? argv[flag + 1] : inline?.slice("--host=".length)) || process.env.HOST || undefined
}
const startsServer = ["start", "develop"].includes(process.argv.slice(2).find((a) => !a.startsWith("-")) ?? "")
const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"])
const reachableByOthers = isProduction || (startsServer && !LOOPBACK.has(listenHost() ?? ""))

let warnedAboutSecrets = false
function secret(name: "JWT_SECRET" | "COOKIE_SECRET"): string {
  const value = process.env[name]?.trim()
  if (value) return value
  if (reachableByOthers) {
    throw new Error(
      `JWT_SECRET and COOKIE_SECRET must be set (e.g. each to the output of \`openssl rand -hex 32\`) before this server starts ${isProduction ? "with NODE_ENV=production" : `listening on ${listenHost() ?? "every network interface"}`}; \`npm start\` sets them for you, and HOST=localhost allows throwaway ones for a local try-out.`
    )
  }
  if (startsServer && !warnedAboutSecrets) {
    warnedAboutSecrets = true
    console.warn(
      "[medusa-config] JWT_SECRET/COOKIE_SECRET not set: using random secrets for this process (logins end when it stops)."
    )
  }
  return randomBytes(32).toString("hex")
}

const adminBackendUrl = process.env.MEDUSA_BACKEND_URL || "/"
const REDIS_URL = process.env.REDIS_URL
const STRIPE_API_KEY = process.env.STRIPE_API_KEY
const MEILISEARCH_HOST = process.env.MEILISEARCH_HOST

const corsStore = process.env.STORE_CORS || "http://localhost:3000,http://127.0.0.1:3000"
const corsAdmin = process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173"
const corsAuth = process.env.AUTH_CORS || `${corsStore},${corsAdmin}`

// With Redis: shared event bus, workflow engine, cache and locks (needed for more than one
// server process). Without it: in-memory versions, fine for one process, dev and tests.
const redisModules = REDIS_URL
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", key: Modules.EVENT_BUS, options: { redisUrl: REDIS_URL } },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        key: Modules.WORKFLOW_ENGINE,
        options: { redis: { redisUrl: REDIS_URL } },
      },
      {
        resolve: "@medusajs/medusa/caching",
        key: Modules.CACHING,
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/locking",
        key: Modules.LOCKING,
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

// Cash on delivery is always offered (Medusa's system provider, renamed in the storefront);
// card payments through Stripe only when a key is configured; VietQR bank transfer only when the
// platform's account is set (OCOP_VIETQR_*), VNPay only with its merchant code and hash secret
// (OCOP_VNPAY_*) — decision 017. None has a default a deployment could keep.
const bankAccount = bankTransferAccount()
const vnpay = vnpayConfig()
const paymentModule = {
  resolve: "@medusajs/medusa/payment",
  key: Modules.PAYMENT,
  options: {
    providers: [
      ...(STRIPE_API_KEY
        ? [
            {
              resolve: "@medusajs/medusa/payment-stripe",
              id: "stripe",
              options: {
                apiKey: STRIPE_API_KEY,
                webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
                capture: true,
              },
            },
          ]
        : []),
      ...(bankAccount
        ? [{ resolve: "@ocop-marketplace/ocop/providers/vietqr", id: "vietqr", options: bankAccount }]
        : []),
      ...(vnpay
        ? [{ resolve: "@ocop-marketplace/ocop/providers/vnpay", id: "vnpay", options: { tmn_code: vnpay.tmnCode } }]
        : []),
    ],
  },
}

// Email goes through the Notification module; the local provider writes messages to the log
// (swap in SendGrid or another provider for production).
const notificationModule = {
  resolve: "@medusajs/medusa/notification",
  key: Modules.NOTIFICATION,
  options: {
    providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } }],
  },
}

// Files (producer photos, logos, certificate scans) through the File Module: S3-compatible storage when
// S3_BUCKET is set (needed with more than one backend server), otherwise this server's static/ folder.
// Rows keep file keys, never these URLs (plugins/ocop src/lib/uploads.ts).
const S3_BUCKET = process.env.S3_BUCKET
const fileModule = {
  resolve: "@medusajs/medusa/file",
  key: Modules.FILE,
  options: {
    providers: [
      S3_BUCKET
        ? {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              bucket: S3_BUCKET,
              region: process.env.S3_REGION,
              endpoint: process.env.S3_ENDPOINT,
              file_url: process.env.S3_FILE_URL,
              access_key_id: process.env.S3_ACCESS_KEY_ID,
              secret_access_key: process.env.S3_SECRET_ACCESS_KEY,
              additional_client_config: process.env.S3_ENDPOINT ? { forcePathStyle: true } : undefined,
            },
          }
        : { resolve: "@medusajs/medusa/file-local", id: "local" },
    ],
  },
}

// Product content in English (titles, descriptions, delivery option names): Medusa's Translation
// Module, behind its feature flag in 2.21 (docs/decisions/014-product-content-in-english.md).
const translationModule = { resolve: "@medusajs/medusa/translation", key: Modules.TRANSLATION }

export default defineConfig({
  featureFlags: { translation: true },
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { connection: { ssl: false } },
    redisUrl: REDIS_URL,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: corsStore,
      adminCors: corsAdmin,
      authCors: corsAuth,
      jwtSecret: secret("JWT_SECRET"),
      cookieSecret: secret("COOKIE_SECRET"),
    },
  },
  admin: {
    // A server start outside development serves the built dashboard itself (src/api/middlewares.ts:
    // precompressed, immutable assets), not through Medusa's router, which gzips it per request.
    disable: process.env.ADMIN_DISABLED === "true" || (startsServer && servesBuiltAdmin()),
    backendUrl: adminBackendUrl,
    // The build keeps the dashboard's vi and en translations only (OCOP_ADMIN_LANGUAGES; 6 MB less
    // to parse per page load, src/lib/admin-languages.ts) and writes .br/.gz beside every asset once.
    // index.html starts each page's first API reads and its route chunk while the entry script still
    // loads (src/lib/admin-early-requests.ts: the cold-load waterfall).
    vite: () => ({
      plugins: [
        keepAdminLanguagesPlugin(),
        earlyAdminRequestsPlugin(adminBackendUrl),
        adminCompileHintPlugin(),
        precompressAdminAssets(),
      ],
    }),
  },
  plugins: [
    { resolve: "@ocop-marketplace/ocop", options: {} },
    {
      resolve: "@ocop-marketplace/search",
      options: {
        meilisearch: MEILISEARCH_HOST ? { host: MEILISEARCH_HOST, apiKey: process.env.MEILISEARCH_API_KEY } : undefined,
      },
    },
  ],
  modules: [...redisModules, paymentModule, notificationModule, fileModule, translationModule, searchModuleConfig()],
})
