import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireCertificationsWorkflow } from "../workflows/certification/expire-certifications"

/** Daily at 00:05 Vietnam time (17:05 UTC): lapse certificates and warn 30 days ahead. */
export default async function expireCertificationsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await expireCertificationsWorkflow(container).run({ input: {} })
  logger.info(
    `OCOP expiry: ${result.expired.length} certificate(s) expired and were delisted; ${result.warned.length} certificate(s) expire within 30 days (producers notified).`
  )
}

export const config = {
  name: "ocop-expire-certifications",
  schedule: "5 17 * * *",
}
