/**
 * The bulk generator as a user runs it — `npm run seed -- --products 200` against a fresh database —
 * then the whole Medusa app booted on that database. For every product (the demo catalogue and the
 * 200 generated ones) the store (/store/products under the storefront's publishable key, and the
 * product detail) and search (/store/ocop/search) agree with the pure listing gate
 * (plugins/ocop/src/lib/listing-gate.ts) applied to what the database holds.
 *
 * The bulk generator writes rows with SQL, past Medusa's workflows and events, so this is the test
 * that would notice it listing a product the gate refuses, or search not knowing a listed product.
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { evaluateListingGate, type GateVerdict } from "@ocop-marketplace/ocop/lib/listing-gate"
import { eventually, expectRefusal, expectStatus } from "../../fixtures/marketplace"

// Migrations, the demo catalogue through Medusa's workflows and the generator take minutes on a busy machine.
vi.setConfig({ hookTimeout: 600_000, testTimeout: 300_000 })

const ROOT = path.resolve(__dirname, "../../../..")
const GENERATED = 200
const DB_NAME = `ocop_bulk_seed_${process.pid}`
const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
const DATABASE_URL = `postgres://${encodeURIComponent(DB_USERNAME ?? "")}:${encodeURIComponent(DB_PASSWORD ?? "")}@${DB_HOST}:${DB_PORT}/${DB_NAME}`
// The generator draws an SVG per product into backend/static unless told otherwise: keep the worktree clean.
const ARTWORK_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "ocop-bulk-artwork-"))
let seedOutput = ""

/** `npm run seed -- --products 200`, from the repository root, as a user types it. */
function runSeed(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL, OCOP_STATIC_DIR: ARTWORK_DIR, FORCE_COLOR: "0" }
  // Not the test runner's settings: the seed runs the way it does outside tests.
  for (const key of Object.keys(env)) if (key === "NODE_ENV" || key.startsWith("VITEST")) delete env[key]
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "seed", "--", "--products", String(GENERATED)], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    })
    child.stdout.on("data", (d) => (seedOutput += d))
    child.stderr.on("data", (d) => (seedOutput += d))
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) return resolve()
      reject(
        new Error(
          `npm run seed -- --products ${GENERATED} failed (exit code ${code}):\n${seedOutput.split("\n").slice(-25).join("\n")}`
        )
      )
    })
  })
}

/** Runs `check` over `items`, a few at a time (one Medusa process answers them all). */
async function inBatches<T>(items: T[], size: number, check: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(check))
}

medusaIntegrationTestRunner({
  dbName: DB_NAME,
  hooks: {
    // Before the runner migrates and boots the app on this database: the seed creates and fills it.
    beforeServerStart: async () => {
      await runSeed()
    },
  },
  testSuite: ({ api, getContainer }) => {
    afterAll(() => fs.rmSync(ARTWORK_DIR, { recursive: true, force: true }))

    it(`after npm run seed -- --products ${GENERATED}, the store and search list exactly the products the gate lists, for every product`, async () => {
      expect(seedOutput).toMatch(new RegExp(`generator: inserted ${GENERATED} products \\((\\d+) listed\\)`))

      // The gate's verdict for every product, from what the database holds.
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "title", "status", "metadata", "producer.status"],
      })
      const ocop: any = container.resolve("ocop")
      const certifications = await ocop.listCertifications(
        { product_id: products.map((p: any) => p.id) },
        { select: ["id", "product_id", "status", "stars", "valid_from", "expires_at"], take: null }
      )
      const now = new Date()
      const verdict = new Map<string, GateVerdict>(
        products.map((p: any) => [
          p.id,
          evaluateListingGate({
            product_status: p.status,
            producer_status: p.producer?.status,
            certifications: certifications.filter((c: any) => c.product_id === p.id),
            now,
          }),
        ])
      )
      const generated = products.filter((p: any) => p.metadata?.ocop_generated)
      expect(generated).toHaveLength(GENERATED)
      const listed = products
        .filter((p: any) => verdict.get(p.id)!.listed)
        .map((p: any) => p.id as string)
        .sort()
      const refused = products.filter((p: any) => !verdict.get(p.id)!.listed)
      // Both outcomes among the generated products, or the comparison below would prove little.
      expect(generated.filter((p: any) => verdict.get(p.id)!.listed).length).toBeGreaterThan(0)
      expect(generated.filter((p: any) => !verdict.get(p.id)!.listed).length).toBeGreaterThan(0)
      const described = (id: string) => {
        const p: any = products.find((x: any) => x.id === id)
        return `${id} "${p?.title}" (gate: ${verdict.get(id)?.reasons.join(", ") || "listed"})`
      }
      const expectSameAsGate = (where: string, shown: string[]) => {
        const missing = listed.filter((id) => !shown.includes(id))
        const extra = shown.filter((id) => !listed.includes(id))
        expect(
          { missing: missing.map(described), extra: extra.map(described) },
          `${where} disagrees with the listing gate (${listed.length} products listed by the gate, ${shown.length} shown)`
        ).toEqual({ missing: [], extra: [] })
      }

      // The storefront's key: the one bound to the marketplace channel, found the way `npm start` finds it.
      const { readPublishableKey } = await import("../../../../scripts/lib/store-state.mjs")
      const store = { headers: { "x-publishable-api-key": await readPublishableKey(DATABASE_URL) } }

      const storeList: string[] = []
      for (let offset = 0; ; offset += 100) {
        const { data } = await expectStatus(api.get(`/store/products?limit=100&offset=${offset}&fields=id`, store), 200)
        storeList.push(...data.products.map((p: any) => p.id))
        if (data.products.length < 100) break
      }
      expectSameAsGate("/store/products", storeList.sort())

      await inBatches(products, 8, async (p: any) => {
        const detail = api.get(`/store/products/${p.id}?fields=id,title`, store)
        if (verdict.get(p.id)!.listed) expect((await expectStatus(detail, 200)).data.product.id).toBe(p.id)
        else await expectRefusal(detail, 404, `Product with id: ${p.id} was not found`)
      })
      expect(refused.length + listed.length).toBe(products.length)

      // Search reads its own index, filled by events and by reindexing: give a boot-time build a moment.
      await eventually(
        async () => {
          const found: string[] = []
          let total = 0
          for (let page = 1; ; page++) {
            const { data } = await expectStatus(api.get(`/store/ocop/search?limit=100&page=${page}`, store), 200)
            total = data.total
            found.push(...data.hits.map((h: any) => h.id))
            if (data.hits.length < 100) break
          }
          expectSameAsGate("/store/ocop/search", found.sort())
          expect(total).toBe(listed.length)
        },
        { what: "search to hold exactly the products the gate lists", timeoutMs: 30_000, intervalMs: 1000 }
      )
    })
  },
})
