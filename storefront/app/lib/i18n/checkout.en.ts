import type { viCheckout } from "./checkout.vi";

export const enCheckout: Record<keyof typeof viCheckout, string> = {
  "delivery.standard": "Standard delivery",
  "delivery.express": "Express delivery",
  "delivery.standardHint": "Delivered in 3–5 days",
  "delivery.expressHint": "Delivered in 1–2 days",
  "delivery.forProducer": "Delivery of {name}'s items",
  "delivery.forOther": "Delivery of the other items",
  "delivery.perProducerNote": "Each producer sends its own parcel, so each parcel has its own delivery fee.",
  "cart.shippingFromTotal": "from {amount}",
  "cart.parcels": "{count} {count:parcel|parcels}",
  "summary.title": "Order summary",
  "summary.shippingOf": "Delivery · {name}",
  "summary.shippingTotal": "Delivery in total",
  "checkout.emailOptional": "Email (optional for cash on delivery)",
  "checkout.emailHint": "To receive the order confirmation by email.",
  "form.emailForCard": "Paying in advance (transfer, VNPay, card) needs an email address for the receipt and notices.",
};
