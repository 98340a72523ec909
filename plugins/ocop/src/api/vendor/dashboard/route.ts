import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"
import { producerDashboard } from "../../../lib/producer-dashboard"
import { producerIdOf, productIdsOfProducer } from "../../utils/ownership"
import { ORDER_FIELDS, type OrderRecord, producerPartOfOrder } from "../orders/producer-part-of-order"

type Row = Record<string, unknown>
type ProductRow = { id: string; title: string; status: string; product_listing?: Row | null }
type OrderRow = OrderRecord & { fulfillments?: Array<{ items?: Array<{ line_item_id: string }> }> }

/** GET /vendor/dashboard — the producer's landing page figures (its own data only). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const producerId = producerIdOf(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = await productIdsOfProducer(req.scope, producerId)
  const own = new Set(productIds)
  const [{ data: producerRows }, { data: products }, certifications] = await Promise.all([
    query.graph({ entity: "producer", fields: ["orders.id"], filters: { id: producerId } }),
    productIds.length
      ? query.graph({
          entity: "product",
          fields: ["id", "title", "status", "product_listing.listed", "product_listing.blocked_reasons"],
          filters: { id: productIds },
        })
      : Promise.resolve({ data: [] as ProductRow[] }),
    req.scope
      .resolve<OcopModuleService>(OCOP_MODULE)
      .listCertifications({ producer_id: producerId }, { take: 1000, order: { created_at: "DESC" } }),
  ])
  const linkedOrders = ((producerRows[0] as { orders?: Array<{ id: string } | null> })?.orders ?? []).filter(Boolean)
  const orderIds = linkedOrders.map((o) => (o as { id: string }).id)
  const { data: orders } = orderIds.length
    ? await query.graph({
        entity: "order",
        fields: [...ORDER_FIELDS, "fulfillments.items.line_item_id"],
        filters: { id: orderIds },
      })
    : { data: [] as OrderRow[] }
  const dashboard = producerDashboard({
    orders: (orders as OrderRow[]).map((o) => {
      const part = producerPartOfOrder(o, own, producerId)
      const fulfilled = (o.fulfillments ?? []).flatMap((f) => (f.items ?? []).map((i) => i.line_item_id))
      return { ...part, fulfilled_item_ids: fulfilled }
    }),
    products: (products as ProductRow[]).map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      listed: Boolean(p.product_listing?.listed),
      blocked_reasons: (p.product_listing?.blocked_reasons as string[] | undefined) ?? [],
    })),
    certifications: certifications as unknown as Parameters<typeof producerDashboard>[0]["certifications"],
  })
  res.json({ dashboard })
}
