/**
 * The state of one producer's part of an order, and the changes a producer may make to it — the one
 * place the producer portal, the vendor API and the shopper's order page read it from.
 *
 * A part is "placed" until the producer ships it (a Medusa fulfilment of its lines, carrying the
 * carrier and tracking number in its metadata); then "shipped", then "delivered" or "returned".
 * A cancelled order cancels every part. The state lives on the fulfilments (metadata.ocop_status,
 * with the time of each change), so Medusa's own order views keep working unchanged.
 */
import { bilingual } from "./conflicts"

export type OrderPartStatus = "placed" | "shipped" | "delivered" | "returned" | "cancelled"
export type OrderPartAction = "ship" | "deliver" | "return"

const RULES: Record<OrderPartAction, { from: OrderPartStatus[]; to: OrderPartStatus }> = {
  ship: { from: ["placed"], to: "shipped" },
  deliver: { from: ["shipped"], to: "delivered" },
  return: { from: ["shipped", "delivered"], to: "returned" },
}

export const ORDER_PART_ACTIONS = Object.keys(RULES) as OrderPartAction[]

const STATUS_VI: Record<OrderPartStatus, string> = {
  placed: "mới đặt",
  shipped: "đang giao",
  delivered: "đã giao",
  returned: "đã hoàn trả",
  cancelled: "đã huỷ",
}
const ACTION_VI: Record<OrderPartAction, string> = {
  ship: "giao vận chuyển",
  deliver: "xác nhận đã giao",
  return: "ghi nhận hoàn trả",
}
const ACTION_EN: Record<OrderPartAction, string> = {
  ship: "shipped",
  deliver: "marked delivered",
  return: "marked returned",
}

/** What a fulfilment of the part says about it (only the fields this needs). */
export type PartFulfilment = {
  id: string
  canceled_at?: string | Date | null
  metadata?: Record<string, unknown> | null
}

/** The part's state from its order's status and its (not cancelled) fulfilments. */
export function orderPartStatus(orderStatus: string, fulfilments: PartFulfilment[]): OrderPartStatus {
  if (orderStatus === "canceled") return "cancelled"
  const live = fulfilments.filter((f) => !f.canceled_at)
  if (!live.length) return "placed"
  const states = live.map((f) => (f.metadata?.ocop_status as OrderPartStatus | undefined) ?? "shipped")
  // A part ships as one parcel; if it ever has several, the least advanced one is the part's state.
  for (const s of ["shipped", "delivered", "returned"] as const) if (states.includes(s)) return s
  return "shipped"
}

export function orderPartTransition(
  current: OrderPartStatus,
  action: OrderPartAction
): { to: OrderPartStatus } | { error: string } {
  const rule = RULES[action]
  if (rule.from.includes(current)) return { to: rule.to }
  return {
    error: bilingual(
      `Phần đơn hàng này ${STATUS_VI[current]}, không thể ${ACTION_VI[action]} ` +
        `(chỉ được khi ${rule.from.map((s) => STATUS_VI[s]).join(" hoặc ")}). Hãy tải lại trang.`,
      `This part of the order is "${current}" and cannot be ${ACTION_EN[action]} ` +
        `(only from: ${rule.from.join(", ")}). Reload the page.`
    ),
  }
}

/** The actions a producer may take on a part in this state (the portal shows only these). */
export function allowedOrderPartActions(current: OrderPartStatus): OrderPartAction[] {
  return ORDER_PART_ACTIONS.filter((a) => RULES[a].from.includes(current))
}

/** Shipping facts kept on the fulfilment. */
export function shipmentOf(fulfilments: PartFulfilment[]) {
  const f = fulfilments.find((x) => !x.canceled_at && x.metadata?.ocop_tracking_number)
  const m = f?.metadata ?? {}
  const text = (v: unknown) => (typeof v === "string" && v ? v : null)
  return {
    carrier: text(m.ocop_carrier),
    tracking_number: text(m.ocop_tracking_number),
    shipped_at: text(m.ocop_shipped_at),
    delivered_at: text(m.ocop_delivered_at),
    returned_at: text(m.ocop_returned_at),
  }
}
