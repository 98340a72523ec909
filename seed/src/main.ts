/**
 * Runs inside Medusa (`medusa exec`, started by seed/bin/seed.mjs). Options arrive as JSON in
 * OCOP_SEED_OPTIONS because `medusa exec` only passes positional arguments.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
// The listing workflow alone: importing the whole workflows index would load every OCOP workflow.
import { refreshListingsWorkflow } from "@ocop-marketplace/ocop/workflows/listing/refresh-listings"
import { demoLoginsFile, demoPasswords } from "./demo-logins"
import { DEMO_ACCOUNTS, setupStore } from "./store-setup"
import { ensurePortalAccounts, PORTAL_ACCOUNTS } from "./portal-accounts"
import { seedDemoCatalogue } from "./demo"
import { generateBulk } from "./bulk"
import { seedEnglishContent } from "./translations"

export type SeedOptions = {
  /** generate this many synthetic products (bulk SQL) after the demo catalogue */
  products?: number
  seed?: string
  /** skip the demo catalogue (store setup and accounts are always ensured) */
  noDemo?: boolean
  /** generated products without artwork files */
  noImages?: boolean
  /** progress bar off (e.g. when stderr is not a terminal) */
  quiet?: boolean
}

export function readOptions(): SeedOptions {
  const raw = process.env.OCOP_SEED_OPTIONS
  if (!raw) return {}
  try {
    return JSON.parse(raw)
  } catch {
    throw new Error("OCOP_SEED_OPTIONS is not valid JSON (it is set by seed/bin/seed.mjs).")
  }
}

const log = (message: string) => process.stdout.write(`[seed] ${message}\n`)

/**
 * On a new database the search index has no active version yet, and every product event the seed
 * causes would be refused by the Search Module (one logged error per event). Building the index
 * first (empty, so it takes a moment) lets those events keep it current instead.
 */
async function prepareSearchIndex(container: ExecArgs["container"]) {
  const search = container.resolve(Modules.SEARCH, { allowUnregistered: true }) as any
  if (!search) return
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const [{ n }] = (await pg.raw("select count(*)::int as n from product where deleted_at is null")).rows
  if (n > 0) return
  try {
    await search.reindex({ index: "ocop_product" })
    log("search index prepared (empty; products are added as they are created)")
  } catch (error) {
    log(`search index not prepared (${(error as Error).message}); it is built when the backend starts`)
  }
}

/**
 * Bulk rows bypass Medusa's events, so the search index never heard of them; and a backend only
 * builds an index at boot when it is empty (the demo catalogue already filled it). Without this,
 * search would miss every generated product the store lists.
 */
async function reindexSearch(container: ExecArgs["container"]) {
  const search = container.resolve(Modules.SEARCH, { allowUnregistered: true }) as any
  if (!search) return
  const started = Date.now()
  log("search index: rebuilding so it holds the generated products…")
  await search.reindex({ index: "ocop_product" })
  log(`search index: rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

export default async function seed({ container }: ExecArgs) {
  const opts = readOptions()
  const started = Date.now()
  const setup = await setupStore(container, log)
  await prepareSearchIndex(container)

  if (!opts.noDemo) {
    const demo = await seedDemoCatalogue(container, setup, log)
    await seedEnglishContent(container, demo.productIds, log)
    if (demo.changed > 0) {
      const { result } = await refreshListingsWorkflow(container).run({
        input: { product_ids: demo.productIds, reason: "demo seed" },
      })
      const listed = (result as any)?.listed?.length ?? "?"
      log(
        `listing gate: ${listed} demo products listed in the marketplace, the rest held back (expired, revoked, awaiting re-evaluation or producer pending)`
      )
    }
  }

  await ensurePortalAccounts(container, log)

  if (opts.products) {
    const bulk = await generateBulk(container, setup, {
      count: opts.products,
      seed: opts.seed ?? "ocop",
      quiet: !!opts.quiet,
      images: !opts.noImages,
      log,
    })
    if (bulk.created > 0) await reindexSearch(container)
  }

  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const [{ products, listed }] = (
    await pg.raw(
      `select (select count(*) from product where deleted_at is null)::int as products,
              (select count(*) from product_sales_channel where sales_channel_id = ? and deleted_at is null)::int as listed`,
      [setup.marketplaceChannelId]
    )
  ).rows
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${products} products, ${listed} listed in "Chợ OCOP"`)
  log(`publishable key (storefront): ${setup.publishableKey}`)
  const passwords = demoPasswords()
  log(`admin:   ${DEMO_ACCOUNTS.admin.email} / ${passwords.admin}`)
  log(`shopper: ${DEMO_ACCOUNTS.shopper.email} / ${passwords.shopper}`)
  log(`producer: ${PORTAL_ACCOUNTS.producer.email} / ${passwords.producer}   (producer portal)`)
  log(`curator:  ${PORTAL_ACCOUNTS.curator.email} / ${passwords.curator}   (trade-centre portal, Lâm Đồng)`)
  log(`(passwords generated for this database, kept in ${demoLoginsFile()})`)
}
