import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import client from "prom-client"

/**
 * ocop_checkout_guard_seconds{guard}: the time our own checks add to a shopper's cart and checkout
 * calls — the listing gate in Medusa's cart workflows, the stock guard on line items, the checkout
 * serialisation's stock check, the delivery check at completion, the narrowing of a cart's shipping
 * options. bench/checkout.mjs reads it from /metrics before and after its flows and reports it
 * against the flows' whole time: that is the plugin's cost over Medusa's own (issue 14: at most 10 %).
 */
const NAME = "ocop_checkout_guard_seconds"
export const checkoutGuardDuration =
  (client.register.getSingleMetric(NAME) as client.Histogram<"guard"> | undefined) ??
  new client.Histogram({
    name: NAME,
    help: "Time the OCOP plugin's own checks add to cart and checkout calls, by check",
    labelNames: ["guard"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  })

export async function timedGuard<T>(guard: string, run: () => Promise<T>): Promise<T> {
  const end = checkoutGuardDuration.startTimer({ guard })
  try {
    return await run()
  } finally {
    end()
  }
}

/**
 * A timer for a wait that may end in several places (a lock entered, refused or timed out): the
 * returned function stops it once, however often it is called. Lock waits have their own label
 * (`checkout_stock_lock_wait`), so the bench tells contention from a slow check (review R9).
 */
export function guardTimer(guard: string): () => void {
  const end = checkoutGuardDuration.startTimer({ guard })
  let ended = false
  return () => {
    if (!ended) {
      ended = true
      end()
    }
  }
}

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** A middleware timed until it hands the request on (or answers it): its own cost, not what follows. */
export function timedMiddleware(guard: string, middleware: Middleware): Middleware {
  return (req, res, next) => {
    const stop = guardTimer(guard)
    res.once("finish", stop)
    return middleware(req, res, (error?: unknown) => {
      stop()
      next(error)
    })
  }
}
