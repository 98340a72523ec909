import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { evaluateListings } from "../../lib/listing-evaluation"
import { describeGateReasons } from "../../lib/listing-gate"

export const checkPublishStep = createStep(
  "ocop-check-producer-publish",
  async (input: { product_id: string; status?: string }, { container }) => {
    if (input.status !== "published") return new StepResponse(true)
    const [evaluation] = await evaluateListings(container, [input.product_id])
    const blocking = evaluation.reasons.filter((r) => r !== "product_not_published")
    if (blocking.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Sản phẩm chưa thể bán trên Chợ OCOP: ${describeGateReasons(blocking, "vi")}. ` +
          `(EN: This product cannot be put on sale in the OCOP marketplace yet: ${describeGateReasons(blocking)}.)`
      )
    }
    return new StepResponse(true)
  }
)
