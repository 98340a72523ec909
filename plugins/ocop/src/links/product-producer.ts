import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OcopModule from "../modules/ocop"

// A product belongs to one producer; a producer has many products.
export default defineLink({ linkable: ProductModule.linkable.product, isList: true }, OcopModule.linkable.producer)
