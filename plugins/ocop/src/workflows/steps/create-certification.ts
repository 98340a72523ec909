import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"

export const createCertificationStep = createStep(
  "ocop-create-certification",
  async (input: Record<string, unknown>, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const created = await ocop.createCertifications(input as any)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.deleteCertifications(id)
  }
)
