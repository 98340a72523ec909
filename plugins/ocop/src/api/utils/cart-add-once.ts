import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { addFingerprint, claimAdd, forgetAdd, KEY_REUSED, keyReusedText } from "../../lib/cart-add-once"
import { cartAddLockKey, conflictText, isLockTimeout, LOCK_WAIT_SECONDS } from "../../lib/conflicts"
import { idempotencyKeyOf, markReplay } from "./idempotency"

const busy = (res: MedusaResponse) =>
  res.status(409).json({ type: MedusaError.Types.CONFLICT, code: "busy", message: conflictText.cartAddBusy() })

/**
 * POST /store/carts/:id/line-items with an `Idempotency-Key`: one effect per key and cart. A double
 * click or a retried form used to add the units once per request (5 parallel posts, 5 units). Adds to
 * one cart that carry a key run one after another (the Locking Module: Redis in a cluster, so across
 * server processes; waiting up to LOCK_WAIT_SECONDS, where Medusa's own cart lock gives up after 2 s
 * and answers 409 to quick adds of different products); the first one adds and leaves a record of its
 * key that expires after CART_ADD_KEY_SECONDS (lib/cart-add-once.ts); the others with the same body find it and
 * answer with the cart as it is, marked `Idempotent-Replayed`, without adding; the key reused with a
 * different body is a 409 naming the key (replaying the first outcome would hide that the second add
 * never happened). A refused add (4xx/5xx) leaves no record, so the same key may try again. Without a key
 * (Medusa's js-sdk as documented) nothing changes.
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
  const body = (req.body ?? {}) as { variant_id?: unknown; quantity?: unknown }
  const fingerprint = addFingerprint({ variant_id: String(body.variant_id), quantity: Number(body.quantity) })
  let entered = false
  try {
    await locking.execute(
      cartAddLockKey(cartId),
      async () => {
        entered = true
        const claim = await claimAdd(locking, cartId, key, fingerprint)
        if (claim.outcome === "mismatch") {
          return void res
            .status(409)
            .json({ type: MedusaError.Types.CONFLICT, code: KEY_REUSED, message: keyReusedText(key) })
        }
        if (claim.outcome === "replay") {
          const cart = await cartOf(req)
          markReplay(res, true)
          return void res.status(200).json({ cart })
        }
        const { owner } = claim
        await new Promise<void>((resolve) => {
          res.once("finish", resolve)
          res.once("close", resolve)
          next()
        })
        if (res.statusCode >= 400) await forgetAdd(locking, cartId, key, owner, fingerprint)
      },
      { timeout: LOCK_WAIT_SECONDS }
    )
  } catch (error) {
    if (res.headersSent) return
    if (!entered && isLockTimeout(error)) return void busy(res)
    next(error)
  }
}
