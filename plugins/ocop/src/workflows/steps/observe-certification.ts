import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"

export type ObservedCertification = { status: string; decided_at: string | null } | null

/**
 * The certification as it was when the request arrived, read before waiting for its lock: the
 * state the deciding person was looking at. A decision recorded by someone else meanwhile makes
 * this request a loser of the race (409), even when its action would still be allowed afterwards.
 */
export const observeCertificationStep = createStep(
  "ocop-observe-certification",
  async (input: { certification_id: string }, { container }): Promise<StepResponse<ObservedCertification>> => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const [cert] = await ocop.listCertifications(
      { id: input.certification_id },
      { take: 1, select: ["id", "status", "decided_at"] }
    )
    return new StepResponse(
      cert
        ? { status: cert.status, decided_at: cert.decided_at ? new Date(cert.decided_at).toISOString() : null }
        : null
    )
  }
)
