/**
 * /health/ready and the in-process search index: a server that answers HTTP loads its in-process
 * copy of the search index at boot (plugins/search/src/lib/memory-boot.ts) and is not ready
 * until it is loaded and the search code warmed up; /health (liveness) answers meanwhile.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

/** What the search_index check says until the in-process index is loaded and warmed up. */
const LOADING = new RegExp(
  "^(waiting for the search index|loading the in-process index \\(\\d[\\d,]*( of \\d[\\d,]*)?\\)" +
    "|in-process index loaded; warming up)"
)

medusaIntegrationTestRunner({
  testSuite: ({ api }) => {
    describe("GET /health/ready while the in-process search index loads", () => {
      it("answers 503 saying what it waits for, /health 200 meanwhile, then 200 once loaded", async () => {
        const seen: { status: number; detail?: string; live?: number }[] = []
        for (;;) {
          const [ready, live] = await Promise.all([
            api.get("/health/ready", { validateStatus: () => true }),
            api.get("/health", { validateStatus: () => true }),
          ])
          seen.push({ status: ready.status, detail: ready.data.checks?.search_index?.detail, live: live.status })
          if (ready.status === 200) break
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
