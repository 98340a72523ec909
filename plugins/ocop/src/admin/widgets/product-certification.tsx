import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { formatDate, ocopAdmin } from "../lib/api"

type Certification = {
  id: string
  stars: number
  score: number | null
  status: string
  certificate_number: string
  decision_number: string | null
  issuing_authority: string
  valid_from: string | null
  expires_at: string | null
  is_current: boolean
  reason: string | null
}
type Detail = {
  listing: { listed: boolean; reasons: string[]; explanation: string }
  producer: { name: string; status: string } | null
  certifications: Certification[]
  audit_events: Array<{ id: string; action: string; message: string | null; created_at: string }>
}

const STATUS_COLOR: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  approved: "green",
  submitted: "blue",
  suspended: "orange",
  expired: "grey",
  revoked: "red",
  rejected: "red",
}

/** Certification panel on the product page: is it listed, why not, history, and the decisions. */
const ProductCertificationWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [detail, setDetail] = useState<Detail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reason, setReason] = useState("")

  const load = () =>
    ocopAdmin<Detail>(`/products/${product.id}`)
      .then(setDetail)
      .catch((e) => setError(e.message))
  useEffect(() => {
    load()
  }, [product.id])

  const act = async (certId: string, action: string) => {
    setError(null)
    try {
      await ocopAdmin(`/certifications/${certId}/${action}`, { method: "POST", body: { reason: reason || undefined } })
      setReason("")
      await load()
    } catch (e: any) {
      setError(e.message)
    }
  }

  if (!detail)
    return (
      <Container>
        <Text>{error ?? "Đang tải chứng nhận OCOP…"}</Text>
      </Container>
    )
  const current = detail.certifications.find((c) => c.is_current) ?? detail.certifications[0]

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Chứng nhận OCOP</Heading>
        <Badge color={detail.listing.listed ? "green" : "red"}>
          {detail.listing.listed ? "Đang bán trên chợ OCOP" : "Không được niêm yết"}
        </Badge>
      </div>
      {!detail.listing.listed && (
        <div className="px-6 py-3">
          <Text size="small">Lý do: {detail.listing.explanation}</Text>
        </div>
      )}
      <div className="px-6 py-3">
        <Text size="small">
          Chủ thể: {detail.producer ? `${detail.producer.name} (${detail.producer.status})` : "chưa gắn"}
        </Text>
      </div>
      {current && (
        <div className="flex flex-col gap-2 px-6 py-4">
          <Text>
            {"★".repeat(current.stars)} · {current.certificate_number} ·{" "}
            <Badge color={STATUS_COLOR[current.status] ?? "grey"}>{current.status}</Badge>
          </Text>
          <Text size="small">
            {current.issuing_authority} {current.decision_number ? `· QĐ ${current.decision_number}` : ""} · hiệu lực{" "}
            {formatDate(current.valid_from)} → {formatDate(current.expires_at)}
          </Text>
          <Input
            placeholder="Lý do (bắt buộc khi từ chối, đình chỉ, thu hồi)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="flex gap-2">
            {current.status === "submitted" && (
              <Button size="small" onClick={() => act(current.id, "approve")}>
                Duyệt
              </Button>
            )}
            {current.status === "submitted" && (
              <Button size="small" variant="secondary" onClick={() => act(current.id, "reject")}>
                Từ chối
              </Button>
            )}
            {current.status === "approved" && (
              <Button size="small" variant="secondary" onClick={() => act(current.id, "suspend")}>
                Đình chỉ
              </Button>
            )}
            {current.status === "suspended" && (
              <Button size="small" onClick={() => act(current.id, "reinstate")}>
                Khôi phục
              </Button>
            )}
            {["approved", "suspended"].includes(current.status) && (
              <Button size="small" variant="danger" onClick={() => act(current.id, "revoke")}>
                Thu hồi
              </Button>
            )}
          </div>
        </div>
      )}
      {error && (
        <div className="px-6 py-2">
          <Text className="text-ui-fg-error">{error}</Text>
        </div>
      )}
      <div className="px-6 py-4">
        <Text weight="plus" size="small">
          Lịch sử
        </Text>
        {detail.certifications.map((c) => (
          <Text key={c.id} size="small">
            {c.certificate_number} · {c.stars}★ · {c.status} · {formatDate(c.valid_from)} → {formatDate(c.expires_at)}{" "}
            {c.reason ? `· ${c.reason}` : ""}
          </Text>
        ))}
        {detail.audit_events.slice(0, 10).map((e) => (
          <Text key={e.id} size="xsmall" className="text-ui-fg-subtle">
            {new Date(e.created_at).toLocaleString("vi-VN")} — {e.action} {e.message ? `(${e.message})` : ""}
          </Text>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })
export default ProductCertificationWidget
