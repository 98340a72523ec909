import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import OcopModule from "../modules/ocop"

// The order split: an order is linked to every producer whose products it contains.
export default defineLink(
  { linkable: OrderModule.linkable.order, isList: true },
  { linkable: OcopModule.linkable.producer, isList: true }
)
