import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

type Scope = Pick<MedusaContainer, "resolve">

/** The ids of a producer's products (none for a producer that does not exist). */
export async function productIdsOfProducer(scope: Scope, producerId: string): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "producer", fields: ["products.id"], filters: { id: producerId } })
  const products = (data[0] as { products?: Array<{ id: string } | null> } | undefined)?.products
  return (products ?? []).flatMap((p) => (p ? [p.id] : []))
}

/** What a producer's part of an order is read from: the order's lines and its fulfilments with their lines. */
const ORDER_PART_FIELDS = [
  "id",
  "status",
  "items.id",
  "items.product_id",
  "fulfillments.id",
  "fulfillments.metadata",
  "fulfillments.items.line_item_id",
]

/**
 * An order (with `fields` besides those its producer parts are read from) and the ids of one
 * producer's products, read together. An unknown order is a 404.
 */
export async function orderWithProducerProducts<Order>(
  scope: Scope,
  orderId: string,
  producerId: string,
  fields: string[] = []
): Promise<{ order: Order; own: Set<string> }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: orders }, own] = await Promise.all([
    query.graph({ entity: "order", fields: [...ORDER_PART_FIELDS, ...fields], filters: { id: orderId } }),
    productIdsOfProducer(scope, producerId),
  ])
  const order = orders[0] as Order | undefined
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found.`)
  return { order, own: new Set(own) }
}
