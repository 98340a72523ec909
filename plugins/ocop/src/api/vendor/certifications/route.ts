import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"
import { submitCertificationWorkflow } from "../../../workflows/certification/submit-certification"
import { producerIdOf } from "../../utils/ownership"
import { withScanUrl } from "../../../lib/uploads"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const certifications = await ocop.listCertifications({ producer_id: producerIdOf(req) } as any, {
    order: { created_at: "DESC" },
    take: 200,
  })
  res.json({ certifications: certifications.map(withScanUrl) })
}

/** A producer submits its certificate (evidence) for one of its products; a curator decides. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await submitCertificationWorkflow(req.scope).run({
    input: {
      ...(req as any).validatedBody,
      producer_id: producerIdOf(req),
      actor_type: "producer",
      actor_id: producerIdOf(req),
    },
  })
  res.status(201).json({ certification: withScanUrl(result as { scan_file_key?: string | null }) })
}
