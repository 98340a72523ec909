import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OcopModule from "../modules/ocop"

// Read-only: the gate's verdict for a product (ocop_product_listing.product_id).
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { linkable: OcopModule.linkable.productListing, field: "product_id" },
  { readOnly: true }
)
