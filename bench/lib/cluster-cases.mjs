// The requests of bench/cluster.mjs, also run a few times by the cluster test stage (its smoke
// check): search, the product page's API calls, add-to-cart, and the storefront's product page.
import { request } from "./harness.mjs"
import { TEXT } from "./shopper-queries.mjs"

/**
 * @param {{ api: string, web: string, headers: Record<string, string>, regionId: string,
 *   sample: { id: string, handle: string, variant_id: string }[] }} store
 */
export function cases({ api, web, headers, regionId, sample }) {
  let n = 0
  const pick = () => sample[n++ % sample.length]
  const json = { ...headers, "content-type": "application/json" }
  const detailFields = encodeURIComponent("*variants.calculated_price,+variants.inventory_quantity,*images,*options")
  return [
    {
      name: "search /store/ocop/search",
      run: (i) =>
        request(`${api}/store/ocop/search?q=${encodeURIComponent(TEXT[Math.abs(i) % TEXT.length])}&limit=24`, {
          headers,
          timeoutMs: 60_000,
        }),
    },
    {
      // What the storefront's product page asks the backend: handle → id, then the product.
      name: "product page (API: handle → id, product)",
      run: async () => {
        const product = pick()
        const handle = await request(`${api}/store/ocop/handles/${encodeURIComponent(product.handle)}`, {
          headers,
          timeoutMs: 60_000,
        })
        if (!handle.ok) return handle
        const detail = await request(
          `${api}/store/products/${product.id}?region_id=${regionId}&fields=${detailFields}`,
          { headers, timeoutMs: 60_000 }
        )
        return { ...detail, ms: handle.ms + detail.ms }
      },
    },
    {
      // A new cart (not timed) and its first line item (timed): the add-to-cart of a shopper.
      name: "add to cart (POST line-items)",
      requestsPerOp: 2,
      run: async () => {
        const cart = await request(`${api}/store/carts`, {
          method: "POST",
          headers: json,
          body: JSON.stringify({ region_id: regionId }),
          timeoutMs: 60_000,
        })
        if (!cart.ok) return cart
        const cartId = JSON.parse(cart.body).cart.id
        for (let tries = 0; ; tries++) {
          const add = await request(`${api}/store/carts/${cartId}/line-items`, {
            method: "POST",
            headers: json,
            body: JSON.stringify({ variant_id: pick().variant_id, quantity: 1 }),
            timeoutMs: 60_000,
          })
          // A generated product may be out of stock: try another (counted as one add).
          if (add.ok || tries >= 3 || !/inventory|stock/i.test(add.body)) return add
        }
      },
    },
    {
      name: "storefront product page (SSR, via its proxy)",
      run: () =>
        request(`${web}/products/${encodeURIComponent(pick().handle)}`, {
          headers: { accept: "text/html" },
          timeoutMs: 60_000,
        }),
    },
  ]
}
