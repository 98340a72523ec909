import { authenticate } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/validate"
import { routeTable } from "../../../utils/route-table"
import { StoreCompleteCheckout, StorePrepareCheckout } from "./validators"

/** The storefront's checkout in one call (workflows/checkout/prepare-checkout.ts). */
export const checkoutRoutes = routeTable([
  [
    "POST",
    "/store/ocop/checkout/:id",
    authenticate("customer", ["bearer", "session"], { allowUnauthenticated: true }),
    validateBody(StorePrepareCheckout),
  ],
  [
    "POST",
    "/store/ocop/checkout/:id/complete",
    authenticate("customer", ["bearer", "session"], { allowUnauthenticated: true }),
    validateBody(StoreCompleteCheckout),
  ],
])
