/**
 * /health/ready and the in-process search index: a server that answers HTTP loads its in-process
 * copy of the search index at boot (plugins/search/src/lib/memory-boot.ts) and is not ready
 * until it is loaded and the search code warmed up; /health (liveness) answers meanwhile.
 */
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

/** What the search_index check says until the in-process index is loaded and warmed up. */
const LOADING = new RegExp(
  "^(waiting for the search index|loading the in-process index \\(\\d[\\d,]*( of \\d[\\d,]*)?\\)" +
    "|in-process index loaded; warming up)"
)

/**
 * Medusa's boot seed of the Search Module sometimes fails in this runner ("[Search] Failed to seed
 * "ocop_product": Transaction query already complete", seen under load; cause inside Medusa) and
 * nothing seeds again: the index never exists and readiness rightly keeps waiting. After this long
 * the spec asks the Search Module to reindex, as an operator would (POST
 * /admin/search-indexes/ocop_product/reindex), and goes on checking what readiness says.
 */
const SEED_GIVE_UP_MS = 30_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("GET /health/ready while the in-process search index loads", () => {
      it("answers 503 saying what it waits for, /health 200 meanwhile, then 200 once loaded", async () => {
        const seen: { status: number; detail?: string; live?: number }[] = []
        const started = Date.now()
        let reindexed = false
        for (;;) {
          const [ready, live] = await Promise.all([
            api.get("/health/ready", { validateStatus: () => true }),
            api.get("/health", { validateStatus: () => true }),
          ])
          seen.push({ status: ready.status, detail: ready.data.checks?.search_index?.detail, live: live.status })
          if (ready.status === 200) break
          const stillNoIndex = /^waiting for the search index/.test(seen[seen.length - 1].detail ?? "")
          if (stillNoIndex && !reindexed && Date.now() - started > SEED_GIVE_UP_MS) {
            reindexed = true
            console.warn("[ready.spec] the boot seed built no search index in 30 s: asking for a reindex")
            const search = getContainer().resolve(Modules.SEARCH) as {
              reindex(input: { index: string }): Promise<unknown>
            }
            await search.reindex({ index: "ocop_product" })
          }
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        // Whether the first probe still finds the boot load or warm-up running depends on the
        // machine's speed (memory-boot.test.ts covers the rules): every answer before the 200 must
        // be a 503 that says what it waits for, with /health answering meanwhile.
        for (const answer of seen.slice(0, -1)) {
          expect(answer.status).toBe(503)
          expect(answer.live).toBe(200)
          expect(answer.detail).toMatch(LOADING)
        }
        const last = seen[seen.length - 1]
        expect(last.detail).toMatch(/; in-process index loaded$/)
      })
    })
  },
})
