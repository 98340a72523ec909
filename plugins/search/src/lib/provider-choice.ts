import { OCOP_POSTGRES_PROVIDER } from "../providers/ocop-postgres/service"
import { OCOP_MEILISEARCH_PROVIDER } from "../providers/meilisearch/settings"

/** Meilisearch when MEILISEARCH_HOST is set, our Postgres provider otherwise. */
export function searchProviderId(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OCOP_SEARCH_PROVIDER) return env.OCOP_SEARCH_PROVIDER
  return env.MEILISEARCH_HOST ? OCOP_MEILISEARCH_PROVIDER : OCOP_POSTGRES_PROVIDER
}
