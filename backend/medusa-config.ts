import { loadEnv, defineConfig, Modules } from "@medusajs/framework/utils"
// Built output of plugins/search (scripts build plugins before the backend starts).
import { searchModuleConfig } from "@ocop-marketplace/search/search-config"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const isProduction = process.env.NODE_ENV === "production"

/**
 * Secrets have development defaults so that `npm start` works on a fresh machine.
 * A production start refuses them: a leaked default secret would let anyone mint tokens.
 */
const DEV_SECRET = "ocop-dev-secret-change-me"
function secret(name: "JWT_SECRET" | "COOKIE_SECRET"): string {
  const value = process.env[name]
  if (isProduction && (!value || value === DEV_SECRET)) {
    throw new Error(
      `${name} must be set to a private value when NODE_ENV=production (the development default is refused).`
    )
  }
  return value || DEV_SECRET
}

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
            { resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: REDIS_URL } },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/locking",
        key: Modules.LOCKING,
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: REDIS_URL } },
          ],
        },
      },
    ]
  : []

// Cash on delivery is always offered (Medusa's system provider, renamed in the storefront);
// card payments through Stripe only when a key is configured.
const paymentModule = {
  resolve: "@medusajs/medusa/payment",
  key: Modules.PAYMENT,
  options: {
    providers: STRIPE_API_KEY
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
      : [],
  },
}

// Email goes through the Notification module; the local provider writes messages to the log
// (swap in SendGrid or another provider for production).
const notificationModule = {
  resolve: "@medusajs/medusa/notification",
  key: Modules.NOTIFICATION,
  options: {
    providers: [
      { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } },
    ],
  },
}

export default defineConfig({
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
    disable: process.env.ADMIN_DISABLED === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  plugins: [
    { resolve: "@ocop-marketplace/ocop", options: {} },
    {
      resolve: "@ocop-marketplace/search",
      options: {
        meilisearch: MEILISEARCH_HOST
          ? { host: MEILISEARCH_HOST, apiKey: process.env.MEILISEARCH_API_KEY }
          : undefined,
      },
    },
  ],
  modules: [...redisModules, paymentModule, notificationModule, searchModuleConfig()],
})
