import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  addFingerprint,
  type CartAddBody,
  cartIdOfStartKey,
  claimAdd,
  KEY_REUSED,
  keyReusedText,
} from "../../../lib/cart-add-once"

/** The id of the cart an Idempotency-Key starts (lib/cart-add-once.ts), or none without a key. */
export const cartIdOfStartKeyStep = createStep(
  "ocop-cart-id-of-start-key",
  async (key: string | undefined, { container }) => {
    if (!key) return new StepResponse(undefined as string | undefined)
    const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    return new StepResponse(cartIdOfStartKey(config.projectConfig.http.jwtSecret as string, key))
  }
)

export type StartKeyFacts = {
  key: string
  cart_id: string
  body: CartAddBody
  customer_id?: string
  /** The cart the key started before, when there is one. */
  found?: { id: string; customer_id?: string | null } | null
}

/**
 * The key's records: a cart the key started is answered again only to its shopper (another account's cart
 * is nobody else's business, even under the same key) and only for the same body (otherwise a 409 naming
 * the key); a cart started now leaves the records its add route finds (the same form sent again once
 * the session knows the cart adds nothing there either).
 */
export const checkStartKeyStep = createStep("ocop-check-start-key", async (facts: StartKeyFacts, { container }) => {
  const { found, key, cart_id } = facts
  if (found?.customer_id && found.customer_id !== facts.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Cart was not found")
  }
  const locking = container.resolve(Modules.LOCKING)
  const claim = await claimAdd(locking, cart_id, key, addFingerprint(facts.body))
  if (found && claim.outcome === "mismatch")
    throw new MedusaError(MedusaError.Types.CONFLICT, keyReusedText(key), KEY_REUSED)
  return new StepResponse(true)
})
