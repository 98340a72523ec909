import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startCartWithLineWorkflow } from "../../../../workflows/cart/start-cart-with-line"
import { idempotencyKeyOf, markReplay } from "../../../utils/idempotency"
import type { StoreCreateCartWithLineBody } from "./validators"

type StoreRequest = MedusaRequest<StoreCreateCartWithLineBody> & {
  auth_context?: { actor_id?: string }
  publishable_key_context?: { sales_channel_ids?: string[] }
}

/**
 * POST /store/ocop/carts: a shopper without a cart adds a product — a new cart holding that line, in
 * one call (the storefront's "Thêm vào giỏ hàng" when the session has no open cart). The cart joins
 * the publishable key's channel and the signed-in customer, as Medusa's `POST /store/carts` does; the
 * listing gate and the stock check are those of an add. With an Idempotency-Key a repeated request
 * answers with the cart the first one started (`Idempotent-Replayed`), without a second cart or unit
 * (workflows/cart/start-cart-with-line.ts).
 */
export const POST = async (req: StoreRequest, res: MedusaResponse) => {
  const { variant_id, quantity, region_id } = req.validatedBody
  const { result } = await startCartWithLineWorkflow(req.scope).run({
    input: {
      idempotency_key: idempotencyKeyOf(req) ?? undefined,
      region_id,
      sales_channel_id: req.publishable_key_context?.sales_channel_ids?.[0] as string,
      customer_id: req.auth_context?.actor_id,
      items: [{ variant_id, quantity }],
    },
  })
  markReplay(res, !result.created)
  res.status(200).json({ cart: result.cart })
}
