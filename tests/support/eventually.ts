/**
 * Polling with a deadline — the one way our tests wait for something asynchronous (event
 * subscribers, search indexing, order splitting). A fixed sleep either wastes time on a quiet
 * machine or fails on a busy one; this retries until the assertion passes and, at the deadline,
 * fails with the last error and what it waited for.
 *
 * It lives in tests/support (no dependencies, no test-runner imports) so that the backend's
 * vitest integration tests and the Playwright tests in tests/e2e can both import it without
 * either reaching into the other's code. In the browser, prefer Playwright's own retrying
 * `expect(locator)`; use this for checks Playwright cannot retry by itself (API reads).
 */
export type EventuallyOptions = {
  /** what is being waited for, in words: it is the first thing a failure says */
  what: string
  /** give up after this long (default 10 s) */
  timeoutMs?: number
  /** pause between attempts (default 100 ms) */
  intervalMs?: number
}

export class EventuallyTimeoutError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly lastError: unknown
  ) {
    super(message)
    this.name = "EventuallyTimeoutError"
  }
}

/**
 * Calls `attempt` until it returns without throwing, and returns what it returned. `attempt`
 * holds the assertions (throwing = not yet). It is always tried at least once, and once more
 * right at the deadline.
 */
export async function eventually<T>(
  attempt: () => T | Promise<T>,
  { what, timeoutMs = 10_000, intervalMs = 100 }: EventuallyOptions
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let attempts = 0
  let lastError: unknown
  for (;;) {
    attempts++
    try {
      return await attempt()
    } catch (error) {
      lastError = error
    }
    const left = deadline - Date.now()
    if (left <= 0) break
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)))
  }
  const last = lastError instanceof Error ? lastError.message : String(lastError)
  throw new EventuallyTimeoutError(
    `Gave up after ${timeoutMs} ms (${attempts} attempts) waiting for ${what}. Last failure: ${last}`,
    attempts,
    lastError
  )
}
