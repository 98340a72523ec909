import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { cartAddLockKey, cartAddRecordKey, conflictText, isLockTimeout, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { idempotencyKeyOf, markReplay } from "./idempotency"

/** How long an add's key is remembered: well past any double click, retry or back-and-resubmit. */
export const CART_ADD_KEY_SECONDS = 15 * 60

const busy = (res: MedusaResponse) =>
  res.status(409).json({ type: MedusaError.Types.CONFLICT, code: "busy", message: conflictText.cartAddBusy() })

/**
 * POST /store/carts/:id/line-items with an `Idempotency-Key`: one effect per key and cart. A double
 * click or a retried form used to add the units once per request (5 parallel posts, 5 units). Adds to
 * one cart that carry a key run one after another (the Locking Module: Redis in a cluster, so across
 * server processes; waiting up to LOCK_WAIT_SECONDS, where Medusa's own cart lock gives up after 2 s
 * and answers 409 to quick adds of different products); the first one adds and leaves a record of its
 * key that expires after CART_ADD_KEY_SECONDS; the others find it and answer with the cart as it is, marked
 * `Idempotent-Replayed`, without adding. A refused add (4xx/5xx) leaves no record, so the same key may
 * try again. Without a key (Medusa's js-sdk as documented) nothing changes.
 */
export const addLineOncePerKey = addOncePerKey((req) => {
  // Medusa's own middleware of the route has set the fields the client asked for.
  const config = (req as unknown as { queryConfig?: { fields?: string[] } }).queryConfig
  return refetchCart(req.params.id, req.scope, config?.fields ?? defaultStoreCartFields)
})

/** The same rule for any add route of a cart `:id`; `cartOf` reads the cart a replay answers with. */
export function addOncePerKey(cartOf: (req: MedusaRequest) => Promise<unknown>) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => addOnce(req, res, next, cartOf)
}

async function addOnce(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
  cartOf: (req: MedusaRequest) => Promise<unknown>
) {
  const key = idempotencyKeyOf(req)
  if (!key) return next()
  const cartId = req.params.id
  const locking = req.scope.resolve(Modules.LOCKING)
  const recordKey = cartAddRecordKey(cartId, key)
  const owner = randomUUID()
  let entered = false
  try {
    await locking.execute(
      cartAddLockKey(cartId),
      async () => {
        entered = true
        // The record is a lock nobody releases: taking it fails while another request's add stands.
        const first = await locking.acquire(recordKey, { ownerId: owner, expire: CART_ADD_KEY_SECONDS }).then(
          () => true,
          () => false
        )
        if (!first) {
          const cart = await cartOf(req)
          markReplay(res, true)
          return void res.status(200).json({ cart })
        }
        await new Promise<void>((resolve) => {
          res.once("finish", resolve)
          res.once("close", resolve)
          next()
        })
        if (res.statusCode >= 400) await locking.release(recordKey, { ownerId: owner }).catch(() => undefined)
      },
      { timeout: LOCK_WAIT_SECONDS }
    )
  } catch (error) {
    if (res.headersSent) return
    if (!entered && isLockTimeout(error)) return void busy(res)
    next(error)
  }
}
