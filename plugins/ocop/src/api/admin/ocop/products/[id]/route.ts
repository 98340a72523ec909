import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../../modules/ocop"
import { evaluateListings } from "../../../../../lib/listing-evaluation"
import { describeGateReasons } from "../../../../../lib/listing-gate"
import { allowedCertificationActions } from "../../../../../lib/transitions"

/** Everything the certification panel in the Medusa Admin shows for one product. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  // Independent reads side by side: the panel waits for two round trips, not four.
  const [[evaluation], certifications] = await Promise.all([
    evaluateListings(req.scope, [req.params.id]),
    ocop.listCertifications({ product_id: req.params.id }, { order: { created_at: "DESC" } }),
  ])
  if (!evaluation?.exists) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} was not found.`)
  const [producers, audit] = await Promise.all([
    evaluation.producer_id ? ocop.listProducers({ id: evaluation.producer_id }) : [],
    ocop.listAuditEvents(
      { entity_id: [req.params.id, ...certifications.map((c) => c.id)] },
      { order: { created_at: "DESC" }, take: 50 }
    ),
  ])
  const producer = producers[0] ?? null
  res.json({
    listing: {
      ...evaluation,
      explanation: describeGateReasons(evaluation.reasons),
      explanation_vi: describeGateReasons(evaluation.reasons, "vi"),
    },
    producer,
    // The panel shows the decisions each record allows, from the table the workflow enforces.
    certifications: certifications.map((c) => ({ ...c, allowed_actions: allowedCertificationActions(c.status) })),
    audit_events: audit,
  })
}
