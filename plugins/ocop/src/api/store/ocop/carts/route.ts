import { createHmac, randomUUID } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { cartAddRecordKey } from "../../../../lib/conflicts"
import { CART_ADD_KEY_SECONDS } from "../../../utils/cart-add-once"
import { startCartWithLineWorkflow } from "../../../../workflows/cart/start-cart-with-line"
import { idempotencyKeyOf, markReplay } from "../../../utils/idempotency"
import { addedCartAnswer } from "./answer"
import type { StoreCreateCartWithLineBody } from "./validators"

type StoreRequest = MedusaRequest<StoreCreateCartWithLineBody> & {
  auth_context?: { actor_id?: string }
  publishable_key_context?: { sales_channel_ids?: string[] }
}

/**
 * The id of the cart an Idempotency-Key starts: keyed with the server's secret, so only whoever holds
 * the key (the shopper's browser session) can name the cart, and the same key always names the same one.
 */
function cartIdOfKey(req: MedusaRequest, key: string) {
  const secret = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
  const digest = createHmac("sha256", secret).update(`ocop-cart-start:${key}`).digest("hex")
  return `cart_${digest.slice(0, 26).toUpperCase()}`
}

/**
 * POST /store/ocop/carts: a shopper without a cart adds a product — a new cart holding that line, in
 * one call (the storefront's "Thêm vào giỏ hàng" when the session has no open cart). The cart joins
 * the publishable key's channel and the signed-in customer, as Medusa's `POST /store/carts` does; the
 * listing gate and the stock check are those of an add. With an Idempotency-Key a repeated request
 * answers with the cart the first one started (`Idempotent-Replayed`), without a second cart or unit.
 */
export const POST = async (req: StoreRequest, res: MedusaResponse) => {
  const { variant_id, quantity, region_id } = req.validatedBody
  const key = idempotencyKeyOf(req)
  const actor = req.auth_context?.actor_id
  const { result } = await startCartWithLineWorkflow(req.scope).run({
    input: {
      cart_id: key ? cartIdOfKey(req, key) : undefined,
      region_id,
      sales_channel_id: req.publishable_key_context?.sales_channel_ids?.[0] as string,
      customer_id: actor,
      items: [{ variant_id, quantity }],
    },
  })
  // Another account's cart is nobody else's business, even under the same key.
  if (!result.created && result.customer_id && result.customer_id !== actor) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Cart was not found")
  }
  if (key && result.created) {
    // The same form sent again once the session knows the cart goes to its add route: already done there too.
    const locking = req.scope.resolve(Modules.LOCKING)
    await locking
      .acquire(cartAddRecordKey(result.cart_id, key), { ownerId: randomUUID(), expire: CART_ADD_KEY_SECONDS })
      .catch(() => undefined)
  }
  markReplay(res, !result.created)
  res.status(200).json({ cart: await addedCartAnswer(req.scope, result.cart_id) })
}
