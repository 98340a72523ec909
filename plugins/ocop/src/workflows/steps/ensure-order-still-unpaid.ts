import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Sql } from "../../lib/listing-gate-database"
import { prepaidPaymentOfOrder } from "../../lib/prepaid-orders"

/** Refuses (and so skips) an order whose money arrived since it was listed as due. */
export const ensureStillUnpaidStep = createStep(
  "ocop-ensure-order-still-unpaid",
  async (orderId: string, { container }) => {
    const payment = await prepaidPaymentOfOrder(
      container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql,
      orderId
    )
    if (!payment || payment.captured || payment.canceled || payment.order_status !== "pending") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `order ${orderId} is no longer waiting for its payment`)
    }
    return new StepResponse(payment)
  }
)
