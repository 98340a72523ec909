import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { verifyCertificate, type VerifiedProduct } from "../../../../lib/certificate-verification"

/** What a QR stamp on a package opens: is this certificate number / traceability code valid? */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { code } = (req as any).validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const loadProduct = async (id: string): Promise<VerifiedProduct | null> => {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "title", "handle", "metadata"],
      filters: { id },
    })
    const p = data[0] as { id: string; title: string; handle: string; metadata?: Record<string, unknown> | null }
    if (!p) return null
    const titleEn = p.metadata?.title_en
    return { id: p.id, title: p.title, handle: p.handle, title_en: typeof titleEn === "string" ? titleEn : null }
  }
  res.setHeader("Cache-Control", "no-store")
  res.json(await verifyCertificate(req.scope.resolve<OcopModuleService>(OCOP_MODULE), code, { loadProduct }))
}
