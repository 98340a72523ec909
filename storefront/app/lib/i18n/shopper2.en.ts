import type { viShopper2 } from "./shopper2.vi";

export const enShopper2: Record<keyof typeof viShopper2, string> = {
  "search.resultsHeading": "Products found",
  "checkout.savedAddresses": "Saved addresses",
  "checkout.savedAddressesHint": "Pick one to fill in the form below, or enter a new address.",
  "checkout.newAddress": "Enter a new address",
  "order.partItems": "Items",
  "order.partDelivery": "Delivery",
  "order.partTotal": "This part",
  "order.deliveriesNote": "Each producer ships its own part, with its own delivery fee.",
};
