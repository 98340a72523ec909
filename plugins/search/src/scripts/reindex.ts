/**
 * Full reindex of the OCOP search index, with progress and rate.
 *   cd backend && npx medusa exec ../plugins/search/.medusa/server/src/scripts/reindex.js
 * (or `npx medusa exec ./src/scripts/ocop-search-reindex.ts` if the backend re-exports it).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OCOP_PRODUCT_INDEX } from "../lib/document"

export default async function reindex({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const search = container.resolve(Modules.SEARCH) as any
  const started = Date.now()
  let last = 0
  const timer = setInterval(async () => {
    try {
      const list = await search.listIndexes()
      const info = list.find((i: any) => i.name === OCOP_PRODUCT_INDEX)
      const provider = search.searchProviderService_?.retrieve?.(info?.provider)
      const stats = provider ? await provider.listIndexes() : []
      const count = stats.reduce((n: number, s: any) => Math.max(n, s.document_count ?? 0), 0)
      const secs = (Date.now() - started) / 1000
      logger.info(
        `[ocop-search] reindex: ${count} documents, ${Math.round((count - last) / 5)} docs/s now, ${Math.round(count / secs)} docs/s average, ${secs.toFixed(0)} s`
      )
      last = count
    } catch {
      /* progress is best-effort */
    }
  }, 5000)
  try {
    logger.info(`[ocop-search] reindexing ${OCOP_PRODUCT_INDEX}…`)
    const result = await search.reindex({ index: OCOP_PRODUCT_INDEX })
    logger.info(
      `[ocop-search] reindex done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result)}`
    )
  } finally {
    clearInterval(timer)
  }
}
