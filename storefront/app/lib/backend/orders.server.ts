/**
 * A producer's parts of orders (producer portal): list them, ship one with its carrier and tracking
 * number, record delivery or return. The states and allowed changes come from the backend
 * (plugins/ocop/src/lib/order-parts.ts); the portal shows only the actions it lists.
 */
import type { Result } from "./client.server";
import { portalRequest } from "./portal-api.server";
import type { VendorOrder } from "./views";
import type { PartStatus } from "../order-parts";

export type OrderPartAction = "ship" | "deliver" | "return";

export type VendorOrderPart = VendorOrder & {
  part_status: PartStatus;
  allowed_actions: OrderPartAction[];
  shipment: { carrier: string | null; tracking_number: string | null; shipped_at: string | null };
  shipping_total: number;
  cash_on_delivery: boolean;
  cash_to_collect: number;
  /** The cash recorded for this part once delivered (plugins/ocop settlement module), or null. */
  cash_collection?: { amount: number; collected_by: "producer" | "platform"; collected_at: string } | null;
};

const path = (orderId: string, tail = "") => `/vendor/orders/${encodeURIComponent(orderId)}${tail}`;

export function listOrderParts(token: string) {
  return portalRequest<{ orders: VendorOrderPart[]; count: number }>("/vendor/orders", { token });
}

export function getOrderPart(token: string, orderId: string) {
  return portalRequest<{ order: VendorOrderPart }>(path(orderId), { token });
}

/** `idempotencyKey`: the confirmation form's own key, so a double submit ships once. */
export function shipOrderPart(
  token: string,
  orderId: string,
  shipment: { carrier: string; tracking_number: string },
  idempotencyKey?: string
): Promise<Result<{ part_status: string }>> {
  return portalRequest(path(orderId, "/shipments"), { method: "POST", token, body: shipment, idempotencyKey });
}

export function changeOrderPartStatus(token: string, orderId: string, action: "deliver" | "return") {
  return portalRequest<{ part_status: string }>(path(orderId, "/status"), { method: "POST", token, body: { action } });
}
