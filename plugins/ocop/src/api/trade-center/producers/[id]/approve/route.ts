import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../../modules/ocop"
import { changeProducerStatusWorkflow } from "../../../../../workflows/producer/change-producer-status"
import { curatorRequest } from "../../../curator-request"

/**
 * A trade centre approves a producer of its province that signed up (pending → active), as the
 * operator can. Another province's producer is "not found". Suspending stays the operator's.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center } = curatorRequest(req)
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [producer] = await ocop.listProducers({ id: req.params.id }, { take: 1, select: ["id", "province_code"] })
  if (!producer || producer.province_code !== center.province_code)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer ${req.params.id} was not found.`)
  await changeProducerStatusWorkflow(req.scope).run({
    input: { producer_id: producer.id, action: "approve", actor_type: "curator", actor_id: center.id },
  })
  const [approved] = await ocop.listProducers({ id: producer.id }, { take: 1 })
  res.json({ producer: approved })
}
