import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { conflictText } from "../../lib/conflicts"

/**
 * Runs inside the login's lock: a registration token used a second time (a replay, a double
 * click) finds the producer the first use created and gets a 409, before anything is created.
 */
export const ensureLoginWithoutProducerStep = createStep(
  "ocop-ensure-login-without-producer",
  async (input: { auth_identity_id: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id).catch(() => null)
    if (!identity)
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This registration is no longer valid; register again.")
    if ((identity.app_metadata as any)?.producer_id) {
      throw new MedusaError(MedusaError.Types.CONFLICT, conflictText.producerAlreadyRegistered())
    }
    return new StepResponse(true)
  }
)
