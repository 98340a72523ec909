import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"
import { curatorRequest } from "../curator-request"
import { allowedCertificationActions, CERTIFICATION_ACTIONS_NEEDING_REASON } from "../../../lib/transitions"
import { newestFirst } from "../../utils/list-page"
import { withScanUrl } from "../../../lib/uploads"

/**
 * The certifications of the curator's province only (the province filter is not negotiable), each
 * with the decisions its state allows — from the table the decision workflow enforces, so the
 * portal never offers a button the API would refuse.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { center, query } = curatorRequest<{ limit: number; offset: number; status?: string }>(req)
  const { limit, offset, status } = query
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const filters: Record<string, unknown> = { province_code: center.province_code }
  if (status) filters.status = status
  const [certifications, count] = await ocop.listAndCountCertifications(filters, {
    ...newestFirst({ limit, offset }),
    relations: ["producer"],
  })
  // Curators decide about products by name, not by id.
  const ids = [...new Set(certifications.map((c) => c.product_id))]
  const products = ids.length
    ? await req.scope.resolve(Modules.PRODUCT).listProducts({ id: ids }, { select: ["id", "title", "handle"] })
    : []
  const byId = new Map(products.map((p) => [p.id, { id: p.id, title: p.title, handle: p.handle }]))
  res.json({
    certifications: certifications.map((c) => ({
      ...c,
      product: byId.get(c.product_id) ?? null,
      producer: c.producer ? { id: c.producer.id, name: c.producer.name, handle: c.producer.handle } : null,
      allowed_actions: allowedCertificationActions(c.status),
      // The scan uploaded through the portal is stored by its file key (lib/uploads.ts).
      documents: certificationDocuments(withScanUrl(c) as unknown as Record<string, unknown>),
    })),
    actions_needing_reason: CERTIFICATION_ACTIONS_NEEDING_REASON,
    count,
    limit,
    offset,
  })
}

/** The files a curator inspects: a certificate scan when the record has one, and the evidence entries. */
function certificationDocuments(c: Record<string, unknown>): Array<{ name: string; url: string }> {
  const docs: Array<{ name: string; url: string }> = []
  const add = (value: unknown, fallbackName: string) => {
    if (typeof value === "string" && value) docs.push({ name: fallbackName, url: value })
    else if (value && typeof value === "object" && typeof (value as { url?: unknown }).url === "string") {
      const v = value as { url: string; name?: unknown }
      docs.push({ name: typeof v.name === "string" && v.name ? v.name : fallbackName, url: v.url })
    }
  }
  // The producer portal's upload may name it either way; the evidence list is the older form.
  for (const key of ["scan", "certificate_scan", "scan_url"]) add(c[key], "scan")
  if (Array.isArray(c.evidence)) for (const e of c.evidence) add(e, "")
  return docs
}
