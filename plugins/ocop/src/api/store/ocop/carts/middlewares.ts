import { authenticate } from "@medusajs/framework/http"
import { findShoppersOpenCart } from "../../../utils/cart-access"
import { addOncePerKey } from "../../../utils/cart-add-once"
import { readIdempotencyKey } from "../../../utils/idempotency"
import { routeTable } from "../../../utils/route-table"
import { validateBody } from "../../../utils/validate"
import { addedCartAnswer } from "./answer"
import { StoreAddCartLine, StoreCreateCartWithLine } from "./validators"

const shopper = authenticate("customer", ["bearer", "session"], { allowUnauthenticated: true })

/**
 * The storefront's add to cart: Medusa's rules for its own cart routes (api/middlewares.ts) through our
 * lean add (workflows/cart/add-line-to-cart.ts) and one-call first add (start-cart-with-line.ts). Both
 * check stock inside the add, on the inventory it reads anyway (no guard middleware here).
 */
export const cartRoutes = routeTable([
  ["POST", "/store/ocop/carts", shopper, validateBody(StoreCreateCartWithLine), readIdempotencyKey],
  [
    "POST",
    "/store/ocop/carts/:id/line-items",
    shopper,
    validateBody(StoreAddCartLine),
    readIdempotencyKey,
    findShoppersOpenCart,
    addOncePerKey((req) => addedCartAnswer(req.scope, req.params.id)),
  ],
])
