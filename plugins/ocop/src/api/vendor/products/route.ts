import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProducerProductWorkflow } from "../../../workflows/producer/producer-products"
import { producerIdOf, productIdsOfProducer } from "../../utils/ownership"
import { withVariantStock } from "../../../lib/stock"

const FIELDS = [
  "id",
  "title",
  "handle",
  "status",
  "thumbnail",
  "metadata",
  "created_at",
  "variants.id",
  "variants.title",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "product_listing.listed",
  "product_listing.blocked_reasons",
]

/** Only this producer's products — the owner filter is injected here, never taken from the query. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = (req as any).validatedQuery
  const ids = await productIdsOfProducer(req.scope, producerIdOf(req))
  if (!ids.length) return res.json({ products: [], count: 0, limit, offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "product",
    fields: FIELDS,
    filters: { id: ids },
    pagination: { take: limit, skip: offset, order: { created_at: "DESC" } },
  })
  res.json({ products: await withVariantStock(req.scope, data), count: metadata?.count ?? ids.length, limit, offset })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await createProducerProductWorkflow(req.scope).run({
    input: { ...(req as any).validatedBody, producer_id: producerIdOf(req) },
  })
  res.status(201).json({ product: result })
}
