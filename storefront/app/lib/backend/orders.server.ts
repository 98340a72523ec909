/** A placed order, read back for its confirmation page. */
import { FetchError } from "@medusajs/js-sdk";
import { numberOf, toAddress, toLine, type RawLine } from "./cart-checkout.server";
import { core, getSdk } from "./client.server";
import type { OrderView } from "./views";

export async function getOrder(orderId: string): Promise<OrderView | null> {
  try {
    const { order } = await getSdk().store.order.retrieve(orderId, {
      fields:
        "*items,*shipping_address,*shipping_methods,*payment_collections.payment_sessions,+item_total,+shipping_total,+total",
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const o = order as any;
    return {
      id: o.id,
      display_id: o.display_id ?? null,
      email: o.email ?? null,
      created_at: o.created_at ? String(o.created_at) : null,
      items: ((o.items ?? []) as RawLine[]).map(toLine),
      item_total: numberOf(o.item_total ?? o.subtotal),
      shipping_total: numberOf(o.shipping_total),
      total: numberOf(o.total),
      shipping_address: toAddress(o.shipping_address),
      shipping_method: o.shipping_methods?.[0]?.name ?? null,
      payment_provider: o.payment_collections?.[0]?.payment_sessions?.[0]?.provider_id ?? null,
    };
  } catch (error) {
    if (error instanceof FetchError && (error.status === 404 || error.status === 400)) return null;
    return core(() => Promise.reject(error));
  }
}
