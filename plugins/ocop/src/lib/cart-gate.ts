import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { evaluateListings } from "./listing-evaluation"
import { describeGateReasons } from "./listing-gate"

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
    const lines = (locale: "vi" | "en") =>
      blocked.map((e) => `"${productTitles.get(e.product_id)}" (${describeGateReasons(e.reasons, locale)})`).join(", ")
    // Shoppers read this at checkout: Vietnamese first, English after.
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `${lines("vi")} không còn được bán trên Chợ OCOP; vui lòng bỏ ${blocked.length > 1 ? "các sản phẩm này" : "sản phẩm này"} khỏi giỏ hàng để tiếp tục. ` +
        `(EN: ${lines("en")} can no longer be sold on the OCOP marketplace. Remove ${blocked.length > 1 ? "these items" : "this item"} from the cart to continue.)`
    )
  }
}
