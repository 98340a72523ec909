/**
 * The Search Module declaration for backend/medusa-config.ts `modules`:
 *   modules: [..., searchModuleConfig()]   (import { searchModuleConfig } from "@ocop-marketplace/search/search-config")
 * Registers our Postgres provider (always), Meilisearch when MEILISEARCH_HOST is set, and
 * keeps Medusa's stock Postgres provider registered so its indexes can still be dropped.
 */
export function searchModuleConfig(env: NodeJS.ProcessEnv = process.env) {
  const providers: { resolve: string; id: string; options?: Record<string, unknown> }[] = [
    { resolve: "@medusajs/medusa/search-postgres", id: "postgres", options: { engine: "native" } },
    { resolve: "@ocop-marketplace/search/providers/ocop-postgres", id: "ocop", options: {} },
  ]
  if (env.MEILISEARCH_HOST) {
    providers.push({
      resolve: "@ocop-marketplace/search/providers/meilisearch",
      id: "meilisearch",
      options: { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY },
    })
  }
  return {
    resolve: "@medusajs/medusa/search",
    key: "search",
    options: {
      providers,
      default_provider: env.MEILISEARCH_HOST ? "ocop-meilisearch" : "ocop-postgres",
    },
  }
}
