import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateProducerProductWorkflow } from "../../../../workflows/producer/producer-products"

// Ownership is checked by ensureProducerOwnsProduct in middlewares.ts before these run.
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["*", "variants.*", "variants.prices.*", "product_listing.*", "certifications.*"],
    filters: { id: req.params.id },
  })
  res.json({ product: data[0] })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = (req as any).validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["variants.id"], filters: { id: req.params.id } })
  await updateProducerProductWorkflow(req.scope).run({
    input: { ...body, product_id: req.params.id, variant_id: (data[0] as any)?.variants?.[0]?.id },
  })
  const { data: after } = await query.graph({ entity: "product", fields: ["id", "title", "status", "variants.prices.amount"], filters: { id: req.params.id } })
  res.json({ product: after[0] })
}
