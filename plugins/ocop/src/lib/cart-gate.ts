import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { evaluateListings } from "./listing-evaluation"
import { describeGateReasons, type GateReason } from "./listing-gate"

type Blocked = { title: string; reasons: GateReason[] }

/** Shoppers read this at checkout: Vietnamese first, English after. */
function gateRefusal(blocked: Blocked[]) {
  const lines = (locale: "vi" | "en") =>
    blocked.map((b) => `"${b.title}" (${describeGateReasons(b.reasons, locale)})`).join(", ")
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `${lines("vi")} không còn được bán trên Chợ OCOP; vui lòng bỏ ${blocked.length > 1 ? "các sản phẩm này" : "sản phẩm này"} khỏi giỏ hàng để tiếp tục. ` +
      `(EN: ${lines("en")} can no longer be sold on the OCOP marketplace. Remove ${blocked.length > 1 ? "these items" : "this item"} from the cart to continue.)`
  )
}

/**
 * The same check in one statement: the database's own gate (`ocop_listing_gate_reasons`, listing-gate-sql.ts,
 * property-tested equal to the TS gate) for the variants' products, read live at the database's clock —
 * where the TS path reads the variant, the marketplace channel, the product, its producer and its
 * certifications in eight. A variant whose product was deleted is refused (the TS path lets it through to
 * Medusa's own "not found").
 */
export async function assertVariantsListedInDatabase(container: MedusaContainer, variantIds: string[]) {
  if (!variantIds.length) return
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await db.raw(
    `SELECT p.title, ocop_listing_gate_reasons(v.product_id, now()) AS reasons
       FROM product_variant v LEFT JOIN product p ON p.id = v.product_id
      WHERE v.id = ANY(?::text[]) AND v.deleted_at IS NULL`,
    [[...new Set(variantIds)]]
  )
  const blocked = (rows as Array<{ title: string | null; reasons: GateReason[] }>).filter((r) => r.reasons.length)
  if (blocked.length) throw gateRefusal(blocked.map((r) => ({ title: r.title ?? "", reasons: r.reasons })))
}

/**
 * Refuses cart lines whose product is not listed right now (the gate is evaluated live, so a
 * certificate that lapsed while the product sat in the cart is caught even before the daily job).
 */
export async function assertVariantsListed(container: any, variantIds: string[]) {
  if (!variantIds.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: ["id", "product.id", "product.title"],
    filters: { id: [...new Set(variantIds)] },
  })
  const productTitles = new Map<string, string>()
  for (const v of variants as any[]) if (v.product) productTitles.set(v.product.id, v.product.title)
  const evaluations = await evaluateListings(container, [...productTitles.keys()])
  const blocked = evaluations.filter((e) => !e.exists || !e.listed)
  if (blocked.length) {
    throw gateRefusal(blocked.map((e) => ({ title: productTitles.get(e.product_id) ?? "", reasons: e.reasons })))
  }
}
