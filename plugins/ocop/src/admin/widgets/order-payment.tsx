import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { ocopAdmin } from "../lib/api"
import { adminTextOf, formatVnd } from "../lib/i18n"

type Notification = {
  id: string
  provider: string
  notification_id: string
  amount: number
  outcome: string
  reason: string | null
  reason_text: string | null
  created_at: string
}
type Detail = {
  payment: { provider_id: string; reference: string; amount: number; status: string } | null
  notifications: Notification[]
}

// Vietnamese first, English when the admin chose it (decision 017).
const vi = {
  title: "Thanh toán trước (VietQR / VNPay)",
  awaiting_payment: "Chờ thanh toán",
  paid: "Đã thanh toán",
  cancelled: "Đã hủy",
  reference: "Nội dung chuyển khoản",
  amount: "Số tiền",
  notifications: "Thông báo thanh toán",
  none: "Chưa có thông báo nào.",
  note: "Ghi chú đối soát (bắt buộc)",
  confirm: "Xác nhận đã nhận tiền",
  applied: "Đã ghi nhận",
  held: "Đang giữ chờ xử lý",
  resolved: "Đã xử lý",
  received: "Đang xử lý",
}
const en: Record<keyof typeof vi, string> = {
  title: "Prepaid payment (VietQR / VNPay)",
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
  cancelled: "Cancelled",
  reference: "Transfer reference",
  amount: "Amount",
  notifications: "Payment notifications",
  none: "No notification yet.",
  note: "Reconciliation note (required)",
  confirm: "Confirm money received",
  applied: "Applied",
  held: "Held for an operator",
  resolved: "Resolved",
  received: "Processing",
}
const text = adminTextOf({ vi, en })
const COLOR: Record<string, "green" | "orange" | "red" | "grey"> = {
  paid: "green",
  applied: "green",
  awaiting_payment: "orange",
  held: "red",
  cancelled: "grey",
  resolved: "grey",
}

/** On an order paid by VietQR or VNPay: its payment state, the notifications for it, and confirmation by hand. */
const OrderPaymentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [detail, setDetail] = useState<Detail | null>(null)
  const [note, setNote] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = useCallback(
    () =>
      ocopAdmin<Detail>(`/payments/orders/${order.id}`)
        .then(setDetail)
        .catch((e: Error) => setError(e.message)),
    [order.id]
  )
  useEffect(() => {
    void load()
  }, [load])
  if (!detail?.payment) return null
  const { payment } = detail
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await ocopAdmin(`/payments/orders/${order.id}/confirm`, { method: "POST", body: { note } })
      setNote("")
      await load()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{text("title")}</Heading>
        <Badge color={COLOR[payment.status] ?? "grey"}>{text(payment.status as keyof typeof vi)}</Badge>
      </div>
      <div className="px-6 py-4">
        <Text size="small">
          {text("reference")}: <strong>{payment.reference}</strong> · {text("amount")}: {formatVnd(payment.amount)}
        </Text>
      </div>
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          {text("notifications")}
        </Text>
        {detail.notifications.length === 0 ? <Text size="small">{text("none")}</Text> : null}
        <ul className="mt-2 space-y-2">
          {detail.notifications.map((n) => (
            <li key={n.id} className="text-sm">
              <Badge size="2xsmall" color={COLOR[n.outcome] ?? "grey"}>
                {text(n.outcome as keyof typeof vi)}
              </Badge>{" "}
              {n.provider} · {formatVnd(n.amount)} · {new Date(n.created_at).toLocaleString("vi-VN")}
              {n.reason_text ? <div className="text-ui-fg-subtle">{n.reason_text}</div> : null}
            </li>
          ))}
        </ul>
      </div>
      {payment.status === "awaiting_payment" ? (
        <div className="space-y-2 px-6 py-4">
          <Input placeholder={text("note")} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button size="small" disabled={busy || note.trim().length < 3} onClick={confirm}>
            {text("confirm")}
          </Button>
          {error ? <Text className="text-ui-fg-error">{error}</Text> : null}
        </div>
      ) : null}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })
export default OrderPaymentWidget
