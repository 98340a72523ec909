import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { updateProducerProductWorkflow } from "../../../../workflows/producer/producer-products"
import { withScanUrl } from "../../../../lib/uploads"
import { withVariantStock } from "../../../../lib/stock"

// Ownership is checked by ensureProducerOwnsProduct in middlewares.ts before these run.
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["*", "images.*", "variants.*", "variants.prices.*", "product_listing.*"],
    filters: { id: req.params.id },
  })
  // Certifications are read from the OCOP module by their indexed product_id (full history).
  const certifications = await req.scope
    .resolve<OcopModuleService>(OCOP_MODULE)
    .listCertifications({ product_id: req.params.id }, { order: { created_at: "DESC" } })
  const [product] = await withVariantStock(req.scope, data)
  res.json({ product: { ...product, certifications: certifications.map(withScanUrl) } })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = (req as any).validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["variants.id", "metadata"],
    filters: { id: req.params.id },
  })
  const before = data[0] as { variants?: Array<{ id: string }>; metadata?: Record<string, unknown> | null } | undefined
  await updateProducerProductWorkflow(req.scope).run({
    input: {
      ...body,
      product_id: req.params.id,
      variant_id: before?.variants?.[0]?.id,
      metadata_before: before?.metadata ?? null,
    },
  })
  const { data: after } = await query.graph({
    entity: "product",
    fields: ["id", "title", "status", "weight", "thumbnail", "metadata", "images.*", "variants.prices.amount"],
    filters: { id: req.params.id },
  })
  res.json({ product: after[0] })
}
