import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addLineToCartWorkflow } from "../../../../../../workflows/cart/add-line-to-cart"
import type { StoreAddCartLineBody } from "../../validators"

/**
 * Adds a product to the shopper's open cart (the storefront's "Thêm vào giỏ hàng"): the listing gate,
 * the stock check and the Idempotency-Key of Medusa's `POST /store/carts/:id/line-items`
 * (./middlewares.ts of /store/ocop/carts), through our lean add (workflows/cart/add-line-to-cart.ts). A missing,
 * completed or another account's cart is a 404 (api/utils/cart-access.ts).
 */
export const POST = async (req: MedusaRequest<StoreAddCartLineBody>, res: MedusaResponse) => {
  const { variant_id, quantity } = req.validatedBody
  const { result } = await addLineToCartWorkflow(req.scope).run({
    input: { cart_id: req.params.id, items: [{ variant_id, quantity }] },
  })
  res.status(200).json({ cart: result.cart })
}
