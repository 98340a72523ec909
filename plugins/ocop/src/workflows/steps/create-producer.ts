import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { formerProvinceProblem, isProvinceCode } from "../../lib/provinces"
import { toHandle } from "../../lib/vietnamese"

export type CreateProducerInput = {
  name: string
  handle?: string
  entity_type: "cooperative" | "enterprise" | "cooperative_group" | "household"
  province_code: string
  former_province_code?: string | null
  ward?: string | null
  address?: string | null
  phone?: string | null
  email?: string | null
  story?: string | null
  logo_url?: string | null
  status?: "pending" | "active" | "suspended"
}

export const createProducerStep = createStep(
  "ocop-create-producer",
  async (input: CreateProducerInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    if (!isProvinceCode(input.province_code)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown province code "${input.province_code}".`)
    }
    const formerProblem = formerProvinceProblem(input.province_code, input.former_province_code)
    if (formerProblem) throw new MedusaError(MedusaError.Types.INVALID_DATA, formerProblem)
    const base = input.handle ?? toHandle(input.name)
    let handle = base
    for (let n = 2; (await ocop.listProducers({ handle }, { select: ["id"], take: 1 })).length > 0; n++) {
      if (input.handle)
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A producer with handle "${handle}" already exists.`)
      handle = `${base}-${n}`
    }
    const producer = await ocop.createProducers({ ...input, handle, status: input.status ?? "pending" } as any)
    return new StepResponse(producer, producer.id)
  },
  async (id, { container }) => {
    if (!id) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.deleteProducers(id)
  }
)
