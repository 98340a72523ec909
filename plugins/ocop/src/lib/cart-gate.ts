import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
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

/** Lines as Medusa's cart workflows hand them to their hooks (an add's input, a cart). */
export type LinesWithVariants = { items?: Array<{ variant_id?: string | null } | null> | null }

/** The variants of those lines, for the listing gate. */
export const variantIdsOf = (lines: LinesWithVariants | null | undefined) =>
  (lines?.items ?? []).flatMap((i) => (i?.variant_id ? [i.variant_id] : []))

/**
 * THE listing gate at the till — every add, every new cart's lines and every completion, on our routes and
 * on Medusa's (workflows/hooks/cart-listing-gate.ts) — refusing lines whose product is not listed right now.
 * One statement: the database's own gate (`ocop_listing_gate_reasons`, listing-gate-sql.ts, property-tested
 * equal to the TS gate that the admin and the portals use to explain a verdict) for the variants' products,
 * evaluated live at the database's clock, so a certificate that lapsed while the product sat in the cart is
 * caught even before the expiry job. The TS form read the variants, the marketplace channel, the products,
 * their producers and certifications in eight statements, and let a line through whose product was deleted
 * but whose variant was not (to a later "not found", or an order at completion): that line is refused here.
 * A deleted variant gives no row: Medusa's own steps answer for it.
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
