import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { memoryBootReadiness } from "@ocop-marketplace/search/lib/memory-boot"

/**
 * GET /health/ready — may this server take traffic? Medusa's own /health only says the process
 * answers (liveness). Ready means: the database answers, Redis answers when the cluster uses it
 * (through Medusa's Locking Module, the same client the workflows use), and the product search
 * index is built (a search answers, and finds something once any product is listed) and this
 * process has loaded its in-process copy of it and warmed up the search code (started at boot,
 * see plugins/search/src/lib/memory-boot.ts: "loading the in-process index (n of N)" until then;
 * a load that failed is ready, SQL answering, with the reason in the detail).
 * 200 with each check when all pass, 503 with the failing ones named otherwise; each check is
 * bounded in time, so a proxy or orchestrator never waits on a hung dependency.
 */
const CHECK_TIME_LIMIT_MS = 2000

type Check = { ok: boolean; ms: number; detail?: string }

async function timed(run: () => Promise<string | undefined>): Promise<Check> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    const detail = await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIME_LIMIT_MS} ms`)), CHECK_TIME_LIMIT_MS)
      }),
    ])
    return { ok: true, ms: Math.round(performance.now() - started), ...(detail ? { detail } : {}) }
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), detail: (error as Error).message }
  } finally {
    clearTimeout(timer)
  }
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const checks: Record<string, Check> = {
    database: await timed(async () => {
      await pg.raw("select 1")
      return undefined
    }),
  }
  if (process.env.REDIS_URL) {
    checks.redis = await timed(async () => {
      const locking = req.scope.resolve(Modules.LOCKING)
      const key = `ocop:readiness:${process.pid}`
      await locking.acquire(key, { expire: 2 })
      await locking.release(key)
      return undefined
    })
  }
  checks.search_index = await timed(async () => {
    const search = req.scope.resolve(Modules.SEARCH)
    const [{ listed }] = (await pg.raw("select exists(select 1 from ocop_product_listing where listed) as listed"))
      .rows as { listed: boolean }[]
    const { hits } = await search.search({
      entity: "ocop_product",
      fields: ["id"],
      pagination: { skip: 0, take: 1 },
      search_options: { count: "none" },
    })
    if (listed && hits.length === 0) throw new Error("products are listed but the search index holds none yet")
    const memory = memoryBootReadiness()
    if (!memory.ready) throw new Error(memory.detail)
    return [listed ? "built" : "no product listed yet", memory.detail].filter(Boolean).join("; ")
  })
  const ready = Object.values(checks).every((check) => check.ok)
  res.status(ready ? 200 : 503).json({ ready, server: process.env.OCOP_SERVER_NAME ?? null, checks })
}
