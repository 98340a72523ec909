/**
 * The shopper's cart and checkout through Medusa's core store routes: lines,
 * shipping options, payment providers of the VND region, completion. A 4xx
 * refusal (an unlisted product, a revoked certificate) comes back as a Result
 * whose message the page shows.
 */
import { FetchError } from "@medusajs/js-sdk";
import { core, coreResult, getSdk, type Result } from "./client.server";
import { portalRequest } from "./portal-api.server";
import { getVndRegion } from "./reference-data.server";
import type { Address, CartLine, CartView, ShippingOptionView } from "./views";

/** Medusa's amounts arrive as numbers or as big-number objects `{ value }`; what is not a finite number becomes 0. */
export const numberOf = (v: unknown): number => {
  const n = typeof v === "number" ? v : Number((v as { value?: unknown })?.value ?? v);
  return Number.isFinite(n) ? n : 0;
};

export type RawLine = {
  id: string;
  title?: string | null;
  product_id?: string | null;
  product_title?: string | null;
  product_handle?: string | null;
  variant_id?: string | null;
  variant_title?: string | null;
  thumbnail?: string | null;
  quantity?: unknown;
  unit_price?: unknown;
  total?: unknown;
  subtotal?: unknown;
};

export function toLine(l: RawLine): CartLine {
  const quantity = numberOf(l.quantity);
  const unit = numberOf(l.unit_price);
  return {
    id: l.id,
    title: l.title ?? "",
    product_id: l.product_id ?? "",
    product_title: l.product_title ?? l.title ?? "",
    product_handle: l.product_handle ?? null,
    variant_id: l.variant_id ?? "",
    variant_title: l.variant_title ?? null,
    thumbnail: l.thumbnail || null,
    quantity,
    unit_price: unit,
    total: l.total !== undefined && l.total !== null ? numberOf(l.total) : unit * quantity,
  };
}

export function toAddress(a: Record<string, unknown> | null | undefined): Address | null {
  if (!a) return null;
  const s = (k: string) => (typeof a[k] === "string" ? (a[k] as string) : null);
  return {
    first_name: s("first_name"),
    last_name: s("last_name"),
    phone: s("phone"),
    address_1: s("address_1"),
    address_2: s("address_2"),
    city: s("city"),
    province: s("province"),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toCart(c: any): CartView {
  const items = ((c.items ?? []) as RawLine[]).map(toLine);
  return {
    id: c.id,
    email: c.email ?? null,
    region_id: c.region_id ?? null,
    items,
    item_count: items.reduce((n, l) => n + l.quantity, 0),
    item_total: numberOf(c.item_total ?? c.subtotal),
    shipping_total: numberOf(c.shipping_total),
    total: numberOf(c.total),
    shipping_address: toAddress(c.shipping_address),
    shipping_option_ids: ((c.shipping_methods ?? []) as Array<{ shipping_option_id?: string | null }>)
      .map((m) => m.shipping_option_id)
      .filter((id): id is string => typeof id === "string"),
    completed: Boolean(c.completed_at),
  };
}

/** The cart, or null when it does not exist any more (or was completed). */
export async function getCart(cartId: string): Promise<CartView | null> {
  try {
    const { cart } = await getSdk().store.cart.retrieve(cartId);
    const view = toCart(cart);
    return view.completed ? null : view;
  } catch (error) {
    if (error instanceof FetchError && error.status === 404) return null;
    return core(() => Promise.reject(error));
  }
}

export type AddLineOptions = {
  /** the signed-in shopper's token: a new cart is theirs, and their own cart is reached only with it */
  token?: string;
  /** one per form render: a repeated submission adds once (and starts one cart) */
  idempotencyKey?: string;
};

/**
 * Adds a line to the shopper's open cart through the backend's lean add (`POST /store/ocop/carts/:id/
 * line-items`: the same listing gate, stock check and Idempotency-Key as Medusa's route, without the
 * cart refresh a cart with no delivery, promotion or payment yet does not need). `null` when that cart
 * is not open any more (completed, gone, or not this shopper's): start a new one.
 */
export async function addToOpenCart(
  cartId: string,
  variantId: string,
  quantity: number,
  options: AddLineOptions = {}
): Promise<Result<CartView> | null> {
  const r = await portalRequest<{ cart: unknown }>(`/store/ocop/carts/${encodeURIComponent(cartId)}/line-items`, {
    method: "POST",
    store: true,
    body: { variant_id: variantId, quantity },
    ...options,
  });
  if (!r.ok && r.status === 404) return null;
  return r.ok ? { ok: true, data: toCart(r.data.cart) } : r;
}

/** A new cart holding its first line, in one call (`POST /store/ocop/carts`), for a shopper with no open cart. */
export async function startCartWithLine(
  variantId: string,
  quantity: number,
  options: AddLineOptions = {}
): Promise<Result<CartView>> {
  const region = await getVndRegion();
  const r = await portalRequest<{ cart: unknown }>("/store/ocop/carts", {
    method: "POST",
    store: true,
    body: { variant_id: variantId, quantity, ...(region ? { region_id: region.id } : {}) },
    ...options,
  });
  return r.ok ? { ok: true, data: toCart(r.data.cart) } : r;
}

export async function updateCartLine(cartId: string, lineId: string, quantity: number): Promise<Result<CartView>> {
  const r = await coreResult(() => getSdk().store.cart.updateLineItem(cartId, lineId, { quantity }));
  return r.ok ? { ok: true, data: toCart(r.data.cart) } : r;
}

export async function removeCartLine(cartId: string, lineId: string): Promise<Result<null>> {
  const r = await coreResult(() => getSdk().store.cart.deleteLineItem(cartId, lineId));
  return r.ok ? { ok: true, data: null } : r;
}

/**
 * The delivery options the cart can use. Each producer's options carry its id (`data.ocop_producer_id`,
 * decision 007); the platform's options carry none and serve products without a producer.
 */
export async function listShippingOptions(cartId: string): Promise<ShippingOptionView[]> {
  const r = await coreResult(() => getSdk().store.fulfillment.listCartOptions({ cart_id: cartId }));
  if (!r.ok) return [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (r.data.shipping_options as any[]).map((o) => ({
    id: o.id,
    name: o.name ?? o.id,
    code: typeof o.type?.code === "string" ? o.type.code : null,
    amount: numberOf(o.calculated_price?.calculated_amount ?? o.amount ?? null),
    producer_id: typeof o.data?.ocop_producer_id === "string" ? o.data.ocop_producer_id : null,
  }));
}

/** Payment providers enabled in the VND region (COD is pp_system_default; card is pp_stripe_stripe). */
export async function listPaymentProviderIds(regionId: string): Promise<string[]> {
  const r = await coreResult(() => getSdk().store.payment.listPaymentProviders({ region_id: regionId }));
  return r.ok ? r.data.payment_providers.map((p) => p.id) : [];
}
