import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import { EXPIRY_WARNING_DAYS } from "../../lib/validity"

export const findDueCertificationsStep = createStep(
  "ocop-find-due-certifications",
  async (input: { now?: string | Date }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const warnBefore = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 24 * 3600 * 1000)
    const expired = await ocop.listCertifications(
      { status: ["approved", "suspended"], expires_at: { $lte: now } },
      { select: ["id", "product_id", "certificate_number", "expires_at"] }
    )
    // Each certificate is warned once: expiry_warning_sent_at makes a second run a no-op.
    const expiring = await ocop.listCertifications(
      { status: ["approved"], expires_at: { $gt: now, $lte: warnBefore }, expiry_warning_sent_at: null },
      { select: ["id", "product_id", "producer_id", "certificate_number", "expires_at"] as any }
    )
    return new StepResponse({ now: now.toISOString(), expired, expiring })
  }
)
