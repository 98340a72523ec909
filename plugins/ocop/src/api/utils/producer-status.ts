import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { vendorRefusal, vendorRefusalText } from "../../lib/producer-access"
import { refuse } from "./refuse"

/**
 * After ensureProducerAccount (which loads the producer on every /vendor request): 403 with the
 * reason in both languages when the producer's status does not allow this request.
 */
export function ensureProducerMayAct(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const producer = (req as any).producer
  if (!producer) return res.status(401).json({ type: "unauthorized", message: "Log in as a producer." })
  const path = (req.originalUrl ?? req.url).split("?")[0]
  const refusal = vendorRefusal(producer.status, req.method, path)
  if (!refusal) return next()
  refuse(res, 403, "not_allowed", refusal, vendorRefusalText(refusal, producer.status_reason), {
    producer_status: producer.status,
  })
}
