import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import {
  certificationSubmissionErrors,
  producerSubmissionFacts,
  type SubmitCertificationInput,
} from "../../lib/certification-submission"
import { throwFieldErrors } from "../../lib/field-errors"

export type { SubmitCertificationInput } from "../../lib/certification-submission"

/**
 * Returns the producer the certification belongs to (the product's producer) and the province
 * whose trade centre decides: for a producer's own submission always the producer's province, so
 * a producer cannot choose who decides.
 */
export const validateCertificationSubmissionStep = createStep(
  "ocop-validate-certification-submission",
  async (input: SubmitCertificationInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "producer.id", "producer.province_code"],
      filters: { id: input.product_id },
    })
    const product: any = data[0]
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${input.product_id} was not found.`)
    const producerId = product.producer?.id
    if (!producerId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Attach the product to its producer before submitting a certification."
      )
    }
    if (input.producer_id && input.producer_id !== producerId) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This product belongs to another producer.")
    }
    const byProducer = input.actor_type === "producer"
    const province_code = (byProducer ? null : input.province_code) || (product.producer.province_code as string)
    const facts = byProducer
      ? await producerSubmissionFacts(container, { id: producerId, province_code }, input)
      : { errors: {}, issuing_authority: input.issuing_authority, scan_file_key: null }
    const issuing_authority = facts.issuing_authority ?? input.issuing_authority
    const errors = {
      ...(await certificationSubmissionErrors(container, { ...input, issuing_authority })),
      ...facts.errors,
    }
    throwFieldErrors(errors)
    return new StepResponse({
      producer_id: producerId as string,
      province_code,
      issuing_authority,
      scan_file_key: facts.scan_file_key,
    })
  }
)
