/**
 * Parcels at checkout (decision 007): pure, shared by the loaders/actions and the pages.
 */
import type { ShippingOptionView } from "./backend/views";
import type { ProducerGroup } from "./cart.server";

/** One parcel: the lines one producer sends, and the delivery options (and fees) it can go with. */
export type Delivery = {
  key: string;
  /** the producer's name; null for the parcel of products shipped by the platform */
  name: string | null;
  subtotal: number;
  options: ShippingOptionView[];
};

/** Form field of a parcel's delivery choice. */
export const deliveryField = (key: string) => `shipping_${key}`;

/**
 * Each producer's part of the cart is its own parcel with its own delivery options (decision 007).
 * Products whose producer has no options of its own (or no producer) share the platform's options,
 * and Medusa keeps one method per shipping profile, so they form one parcel together.
 */
export function deliveriesFor(groups: ProducerGroup[], listed: ShippingOptionView[]): Delivery[] {
  // Cheapest first: the first option is the one chosen until the shopper picks another.
  const options = [...listed].sort((a, b) => a.amount - b.amount);
  const deliveries: Delivery[] = [];
  let platform: Delivery | null = null;
  for (const g of groups) {
    const own = options.filter((o) => o.producer_id !== null && o.producer_id === g.key);
    if (own.length) {
      deliveries.push({ key: g.key, name: g.name, subtotal: g.subtotal, options: own });
      continue;
    }
    if (!platform) {
      platform = { key: "platform", name: null, subtotal: 0, options: options.filter((o) => o.producer_id === null) };
      deliveries.push(platform);
    }
    platform.subtotal += g.subtotal;
    if (groups.length === 1) platform.name = g.name;
  }
  return deliveries;
}
