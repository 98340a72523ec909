import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OcopModule from "../modules/ocop"

// Read-only: the gate's verdict for a product (ocop_product_listing.product_id; product.product_listing).
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...OcopModule.linkable.productListing.id, primaryKey: "product_id" },
  { readOnly: true }
)
