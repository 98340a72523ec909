import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelUnpaidOrders } from "../workflows/payments/cancel-unpaid-orders"
import { measuredJob } from "../observability/metrics"

/**
 * Every 10 minutes (on the worker): VietQR / VNPay orders whose money has not arrived within
 * OCOP_UNPAID_ORDER_MINUTES are cancelled, their stock released, the shopper told why.
 */
export default async function cancelUnpaidOrdersJob(container: MedusaContainer) {
  // Tests call cancelUnpaidOrders themselves with a short time-out.
  if (process.env.NODE_ENV === "test") return
  await measuredJob(config.name, async () => {
    const { cancelled } = await cancelUnpaidOrders(container)
    if (cancelled.length) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .info(`OCOP unpaid orders: ${cancelled.length} cancelled: ${cancelled.slice(0, 20).join(", ")}`)
    }
  })
}

export const config = {
  name: "ocop-cancel-unpaid-orders",
  schedule: "*/10 * * * *",
}
