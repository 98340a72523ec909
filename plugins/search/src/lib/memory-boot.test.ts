import { describe, expect, it } from "vitest"
import { loadingText, memoryBootReadiness, progressText, WARM_UP_QUERIES } from "./memory-boot"
import { parseSearchParams } from "./params"

const table = (loaded: number, total?: number, done = false) => ({ table: "t", loaded, total, done })

describe("the boot load of the in-process index", () => {
  it("says how far the load is, summed over the tables, in the log's and readiness's words", () => {
    expect(loadingText([table(40000, 100081)])).toBe("loading the in-process index (40,000 of 100,081)")
    expect(loadingText([table(10, 20), table(5, 7)])).toBe("loading the in-process index (15 of 27)")
    expect(loadingText([table(0)])).toBe("loading the in-process index (0)")
    expect(progressText([table(40000, 100081)])).toBe("loading the in-process index … 40,000 of 100,081 products")
    // the first line, before any row: what is being loaded, not "0 of …"
    expect(progressText([table(0, 100081)])).toBe("loading the in-process index of 100,081 products")
    expect(progressText([table(0)])).toBe("loading the in-process index")
  })

  it("is not ready while waiting, loading or warming up; ready when loaded, off, or failed (SQL answers)", () => {
    expect(memoryBootReadiness({ phase: "waiting" }, []).ready).toBe(false)
    expect(memoryBootReadiness({ phase: "loading" }, [table(2, 5), table(9, 9, true)])).toEqual({
      ready: false,
      detail: "loading the in-process index (2 of 5)",
    })
    expect(memoryBootReadiness({ phase: "warming" }, []).ready).toBe(false)
    expect(memoryBootReadiness({ phase: "ready" }, [])).toEqual({ ready: true, detail: "in-process index loaded" })
    expect(memoryBootReadiness({ phase: "off" }, [])).toEqual({ ready: true })
    const failed = memoryBootReadiness({ phase: "failed", error: "out of memory" }, [])
    expect(failed.ready).toBe(true)
    expect(failed.detail).toContain("out of memory")
  })

  it("warms up with searches the store route accepts", () => {
    for (const query of WARM_UP_QUERIES) expect(parseSearchParams(query).ok, JSON.stringify(query)).toBe(true)
  })
})
