import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OcopModule from "../modules/ocop"

// Read-only: certification.product_id already records the relation, with full history.
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { linkable: OcopModule.linkable.certification, field: "product_id", isList: true },
  { readOnly: true }
)
