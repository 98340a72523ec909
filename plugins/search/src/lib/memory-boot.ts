/**
 * The in-process search index of a process that serves HTTP, loaded at boot rather than at the
 * first search, and the readiness that waits for it (backend /health/ready).
 *
 * api/middlewares.ts starts it when Medusa loads this plugin's routes, which Medusa does only in
 * processes that answer HTTP (not MEDUSA_WORKER_MODE=worker, not `medusa exec`, not db:migrate),
 * after the modules are loaded. It runs in the background: Medusa's start and /health never wait
 * for it. Steps: one search through the Search Module (which starts the provider's load of the
 * active index, once the index exists), the log of rows loaded every few seconds, then a few
 * representative store searches so V8 has compiled the search code before a load balancer sends
 * traffic. A load that fails leaves the process ready: SQL answers every search (slower), and
 * the check says why.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { memoryIndexLoads, type MemoryLoadProgress } from "../providers/ocop-postgres/memory-index-follower"
import { memoryIndexFromEnv } from "../providers/ocop-postgres/service"
import { searchOcopProducts, type SearchModule } from "./ocop-search"
import { parseSearchParams } from "./params"

export type MemoryBootPhase = "off" | "waiting" | "loading" | "warming" | "ready" | "failed"
export type MemoryBootState = { phase: MemoryBootPhase; detail?: string }

const STATE = Symbol.for("ocop-search.memory-boot")
type Holder = { [STATE]?: { phase: MemoryBootPhase; error?: string; started?: Promise<void> } }

function holder() {
  const g = globalThis as Holder
  g[STATE] ??= { phase: "off" }
  return g[STATE]
}

/** Searches like the storefront's: text alone, text with filters and a sort, filters alone. */
export const WARM_UP_QUERIES: Record<string, string>[] = [
  { q: "mật ong" },
  { q: "nuoc mam", stars: "4,5" },
  { q: "tra", group: "thuc-pham", sort: "price_asc" },
  { q: "gạo", min_price: "50000", max_price: "500000", page: "2" },
  { stars: "5" },
]
const WARM_UP_ROUNDS = 20
const RETRY_MS = 5_000
const LOG_EVERY_MS = 3_000
/** A seed of the 100k bench catalogue takes minutes: say what to do only after a long wait. */
const HINT_AFTER_MS = 10 * 60_000

/** Rows loaded and, once every table knows it, rows to load, summed over the tables, as text. */
function loadCounts(loads: MemoryLoadProgress[]): { loaded: number; text: string; total?: string } {
  const loaded = loads.reduce((n, l) => n + l.loaded, 0)
  const total = loads.every((l) => l.total !== undefined) ? loads.reduce((n, l) => n + (l.total ?? 0), 0) : undefined
  const f = (n: number) => n.toLocaleString("en-US")
  return { loaded, text: f(loaded), total: total === undefined ? undefined : f(total) }
}

/** "loading the in-process index (40,000 of 100,081)", summed over the tables being loaded. */
export function loadingText(loads: MemoryLoadProgress[]): string {
  const { text, total } = loadCounts(loads)
  return `loading the in-process index (${text}${total === undefined ? "" : ` of ${total}`})`
}

/**
 * The boot log's "loading the in-process index … 40,000 of 100,081 products"; before the first
 * rows arrive, "loading the in-process index of 100,081 products" (not "0 of …": nothing is wrong).
 */
export function progressText(loads: MemoryLoadProgress[]): string {
  const { loaded, total } = loadCounts(loads)
  if (!loaded) return `loading the in-process index${total === undefined ? "" : ` of ${total} products`}`
  return loadingText(loads).replace(/ \((.*)\)$/, " … $1 products")
}

/**
 * What readiness says of the in-process index of this process: ready (true) with a detail, or
 * not yet (false) with why. "off" and "failed" are ready: SQL answers.
 */
export function memoryBootReadiness(
  state: { phase: MemoryBootPhase; error?: string } = holder(),
  loads: MemoryLoadProgress[] = [...memoryIndexLoads().values()]
): { ready: boolean; detail?: string } {
  switch (state.phase) {
    case "off":
      return { ready: true }
    case "waiting":
      return { ready: false, detail: "waiting for the search index to exist before loading it in-process" }
    case "loading":
      return { ready: false, detail: loadingText(loads.filter((l) => !l.done)) }
    case "warming":
      return { ready: false, detail: "in-process index loaded; warming up the search code" }
    case "failed":
      return { ready: true, detail: `in-process index not loaded (${state.error}); SQL answers searches` }
    case "ready":
      return { ready: true, detail: "in-process index loaded" }
  }
}

/** Starts the boot load once per process (later calls return the same promise). */
export function startMemoryIndexAtBoot(container: MedusaContainer): Promise<void> {
  const state = holder()
  if (!memoryIndexFromEnv(process.env.OCOP_SEARCH_MEMORY_INDEX)) return Promise.resolve()
  state.started ??= loadAtBoot(container, state).catch((error) => {
    state.phase = "failed"
    state.error = (error as Error)?.message ?? String(error)
  })
  return state.started
}

async function loadAtBoot(container: MedusaContainer, state: { phase: MemoryBootPhase; error?: string }) {
  state.phase = "waiting"
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const search = container.resolve(Modules.SEARCH, { allowUnregistered: true }) as SearchModule | undefined
  if (!search) {
    state.phase = "off"
    return
  }
  const loads = memoryIndexLoads()
  // the first search starts the provider's load of the active index; before the index is built
  // (a fresh database, a seed under way) it fails: try again
  const waitingSince = Date.now()
  let hinted = false
  for (;;) {
    try {
      await search.search({ entity: "ocop_product", fields: ["id"], pagination: { skip: 0, take: 1 } })
      break
    } catch {
      // Medusa seeds once at boot and not again: a seed that failed leaves no index until a reindex
      if (!hinted && Date.now() - waitingSince >= HINT_AFTER_MS) {
        hinted = true
        logger.warn(
          `search: no search index after ${HINT_AFTER_MS / 1000} s, so this server is not ready. If the log shows ` +
            `"[Search] Failed to seed", reindex: POST /admin/search-indexes/ocop_product/reindex, or ` +
            "cd backend && npx medusa exec ../plugins/search/.medusa/server/src/scripts/reindex.js"
        )
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref())
    }
  }
  if (!loads.size) {
    // the provider keeps no in-process index here (another provider, or a text order JS cannot follow)
    state.phase = "off"
    return
  }
  state.phase = "loading"
  const started = Date.now()
  let logged = 0
  for (;;) {
    const all = [...loads.values()]
    if (all.every((l) => l.done || l.failed)) break
    if (Date.now() - logged >= LOG_EVERY_MS) {
      logged = Date.now()
      logger.info(`search: ${progressText(all.filter((l) => !l.done))}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100).unref())
  }
  const failed = [...loads.values()].find((l) => l.failed && !l.done)
  if (failed) {
    state.phase = "failed"
    state.error = failed.failed
    logger.warn(`search: the in-process index did not load (${failed.failed}); SQL answers searches`)
    return
  }
  const loadedMs = Date.now() - started
  state.phase = "warming"
  const warmStarted = Date.now()
  for (let round = 0; round < WARM_UP_ROUNDS; round++)
    for (const query of WARM_UP_QUERIES) {
      const parsed = parseSearchParams(query)
      if (parsed.ok) await searchOcopProducts(search, parsed.value)
      await new Promise((resolve) => setImmediate(resolve))
    }
  state.phase = "ready"
  const docs = [...loads.values()].reduce((n, l) => n + l.loaded, 0)
  logger.info(
    `search: in-process index loaded (${docs.toLocaleString("en-US")} products in ${loadedMs} ms, ` +
      `warm-up ${Date.now() - warmStarted} ms)`
  )
}
