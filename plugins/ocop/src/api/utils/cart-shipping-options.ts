import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type ListedOption = { shipping_profile_id?: string | null }
type CartItemProfile = { product?: { shipping_profile?: { id?: string } | null } | null }

/**
 * `GET /store/shipping-options?cart_id=` answers, in Medusa 2.21.2, the options of every shipping
 * profile. With one profile per producer (decision 007) most of them cannot carry anything in the
 * cart, and choosing one leaves the cart uncompletable; so the answer keeps only the options of
 * the profiles the cart's products ship in.
 */
export async function onlyTheCartsShippingOptions(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = typeof req.query.cart_id === "string" ? req.query.cart_id : null
  if (!cartId) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "items.product.shipping_profile.id"],
    filters: { id: cartId },
  })
  const cart = data[0] as { items?: Array<CartItemProfile | null> } | undefined
  const items = cart?.items ?? []
  const profiles = new Set(items.map((i) => i?.product?.shipping_profile?.id).filter(Boolean))
  if (!profiles.size) return next()
  const json = res.json.bind(res)
  res.json = ((body: { shipping_options?: ListedOption[] }) => {
    if (res.statusCode < 400 && Array.isArray(body?.shipping_options)) {
      body = {
        ...body,
        shipping_options: body.shipping_options.filter(
          (o) => !o.shipping_profile_id || profiles.has(o.shipping_profile_id)
        ),
      }
    }
    return json(body)
  }) as typeof res.json
  next()
}
