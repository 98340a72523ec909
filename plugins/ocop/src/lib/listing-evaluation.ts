/** The gate's verdict for stored products: reads what the pure gate needs, writes nothing. */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../modules/ocop"
import type OcopModuleService from "../modules/ocop/services/ocop-module-service"
import { evaluateListingGate, type GateVerdict } from "./listing-gate"
import { getMarketplaceChannelId } from "./marketplace-channel"

/** The fields of a product the gate reads (a query.graph row). */
type GatedProduct = {
  id: string
  status: string
  producer?: { id: string; status: string } | null
  sales_channels?: ({ id: string } | null)[] | null
}

export type ListingEvaluation = GateVerdict & {
  product_id: string
  producer_id: string | null
  in_marketplace: boolean
  exists: boolean
}

/** Reads everything the gate needs for these products and returns one verdict each (no writes). */
export async function evaluateListings(
  container: MedusaContainer,
  productIds: string[],
  now = new Date()
): Promise<ListingEvaluation[]> {
  if (productIds.length === 0) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const marketplaceId = await getMarketplaceChannelId(container)
  const unique = [...new Set(productIds)]

  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "status", "producer.id", "producer.status", "sales_channels.id"],
    filters: { id: unique },
  })
  const certifications = await ocop.listCertifications(
    { product_id: unique, status: ["approved"] },
    { select: ["id", "product_id", "status", "stars", "valid_from", "expires_at"] }
  )
  const certsByProduct = new Map<string, typeof certifications>()
  for (const c of certifications) {
    const list = certsByProduct.get(c.product_id) ?? []
    list.push(c)
    certsByProduct.set(c.product_id, list)
  }
  const byId = new Map((products as GatedProduct[]).map((p) => [p.id, p]))
  return unique.map((productId) => {
    const product = byId.get(productId)
    if (!product) {
      return {
        product_id: productId,
        producer_id: null,
        exists: false,
        in_marketplace: false,
        listed: false,
        certification_id: null,
        reasons: ["product_not_published"],
      }
    }
    const verdict = evaluateListingGate({
      product_status: product.status,
      producer_status: product.producer?.status,
      certifications: certsByProduct.get(productId) ?? [],
      now,
    })
    return {
      ...verdict,
      product_id: productId,
      producer_id: product.producer?.id ?? null,
      exists: true,
      in_marketplace: (product.sales_channels ?? []).some((sc) => sc?.id === marketplaceId),
    }
  })
}
