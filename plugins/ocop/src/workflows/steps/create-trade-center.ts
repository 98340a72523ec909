import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import { getProvinceByCode } from "../../lib/provinces"

export type CreateTradeCenterInput = {
  name: string
  province_code: string
  email?: string | null
  phone?: string | null
  address?: string | null
}

export const createTradeCenterStep = createStep(
  "ocop-create-trade-center",
  async (input: CreateTradeCenterInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    if (!getProvinceByCode(input.province_code))
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown province code "${input.province_code}".`)
    const existing = await ocop.listTradeCenters({ province_code: input.province_code }, { take: 1 })
    if (existing.length)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This province already has a trade-promotion centre.")
    const created = await ocop.createTradeCenters(input as any)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await (container.resolve(OCOP_MODULE) as OcopModuleService).deleteTradeCenters(id)
  }
)
