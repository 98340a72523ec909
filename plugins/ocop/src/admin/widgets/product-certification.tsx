import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Text } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { earlyAnswer, formatDate, ocopAdmin, ocopAdminGet, requestEarly } from "../lib/api"
import { actionText, adminLang, auditText, adminText, producerStatusText, statusText } from "../lib/i18n"

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
  allowed_actions?: string[]
}
type Detail = {
  listing: { listed: boolean; reasons: string[]; explanation: string; explanation_vi?: string }
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

// A product page opened directly (link, reload): the panel's one call leaves with Medusa's own
// product query, not after it.
requestEarly(/\/products\/(prod_[^/]+)(?!\/variants\/)(?:\/|$)/, (m) => `/products/${m[1]}`)

const NEEDS_REASON = ["reject", "suspend", "revoke"]
const DESTRUCTIVE = ["reject", "suspend", "revoke"]

/**
 * Certification panel on the product page: is it listed, why not, history, and the decisions each
 * record allows (the API sends them from the workflow's transition table) — a pending submission
 * gets its approve button even while an older certificate is the current one.
 */
const ProductCertificationWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [detail, setDetail] = useState<Detail | null>(() => earlyAnswer<Detail>(`/products/${product.id}`) ?? null)
  const [error, setError] = useState<string | null>(null)
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  const lang = adminLang()

  const load = () =>
    ocopAdminGet<Detail>(`/products/${product.id}`)
      .then(setDetail)
      .catch((e) => setError(e.message))
  // Rendered from the early answer already: nothing to ask at mount.
  const shown = useRef(detail !== null)
  useEffect(() => {
    if (shown.current) shown.current = false
    else load()
  }, [product.id])

  const act = async (cert: Certification, action: string) => {
    setError(null)
    if (NEEDS_REASON.includes(action) && !reason.trim()) {
      setError(adminText("reasonMissing", { action: actionText(action).toLowerCase() }))
      return
    }
    if (
      DESTRUCTIVE.includes(action) &&
      !window.confirm(adminText("confirm", { action: actionText(action), number: cert.certificate_number }))
    )
      return
    setBusy(true)
    try {
      await ocopAdmin(`/certifications/${cert.id}/${action}`, { method: "POST", body: { reason: reason || undefined } })
      setReason("")
      await load()
    } catch (e: any) {
      setError(e.message)
    } finally {
      setBusy(false)
    }
  }

  if (!detail)
    return (
      <Container>
        <Text>{error ?? adminText("loading")}</Text>
      </Container>
    )
  const current = detail.certifications.find((c) => c.is_current) ?? detail.certifications[0]
  const pending = detail.certifications.filter((c) => c.status === "submitted" && c.id !== current?.id)
  const explanation =
    lang === "vi" ? (detail.listing.explanation_vi ?? detail.listing.explanation) : detail.listing.explanation

  const decisions = (c: Certification) => (
    <div className="flex flex-wrap gap-2">
      {(c.allowed_actions ?? []).map((action) => (
        <Button
          key={action}
          size="small"
          disabled={busy}
          variant={
            action === "revoke" ? "danger" : action === "approve" || action === "reinstate" ? "primary" : "secondary"
          }
          onClick={() => act(c, action)}
        >
          {actionText(action)}
        </Button>
      ))}
    </div>
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{adminText("panelTitle")}</Heading>
        <Badge color={detail.listing.listed ? "green" : "red"} data-testid="ocop-listing-verdict">
          {detail.listing.listed ? adminText("listed") : adminText("notListed")}
        </Badge>
      </div>
      {!detail.listing.listed && (
        <div className="px-6 py-3">
          <Text size="small">
            {adminText("reason")}: {explanation}
          </Text>
        </div>
      )}
      <div className="px-6 py-3">
        <Text size="small">
          {adminText("producer")}:{" "}
          {detail.producer
            ? `${detail.producer.name} (${producerStatusText(detail.producer.status)})`
            : adminText("noProducer")}
        </Text>
      </div>
      {(current || pending.length > 0) && (
        <div className="px-6 pt-4">
          <Input placeholder={adminText("reasonInput")} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {current && (
        <div className="flex flex-col gap-2 px-6 py-4" data-testid="ocop-current-certification">
          <Text>
            {"★".repeat(current.stars)} · {current.certificate_number} ·{" "}
            <Badge color={STATUS_COLOR[current.status] ?? "grey"}>{statusText(current.status)}</Badge>
          </Text>
          <Text size="small">
            {current.issuing_authority}{" "}
            {current.decision_number ? `· ${adminText("decision")} ${current.decision_number}` : ""} ·{" "}
            {adminText("validity")} {formatDate(current.valid_from)} → {formatDate(current.expires_at)}
          </Text>
          {decisions(current)}
        </div>
      )}
      {pending.length > 0 && (
        <div className="flex flex-col gap-3 px-6 py-4">
          <Text weight="plus" size="small">
            {adminText("pending")}
          </Text>
          {pending.map((c) => (
            <div key={c.id} className="flex flex-col gap-2">
              <Text size="small">
                {"★".repeat(c.stars)} · {c.certificate_number} · {c.issuing_authority} ·{" "}
                <Badge color="blue">{statusText(c.status)}</Badge>
              </Text>
              {decisions(c)}
            </div>
          ))}
        </div>
      )}
      {error && (
        <div className="px-6 py-2">
          <Text className="text-ui-fg-error">{error}</Text>
        </div>
      )}
      <div className="px-6 py-4">
        <Text weight="plus" size="small">
          {adminText("history")}
        </Text>
        {detail.certifications.map((c) => (
          <Text key={c.id} size="small">
            {c.certificate_number} · {c.stars}★ · {statusText(c.status)} · {formatDate(c.valid_from)} →{" "}
            {formatDate(c.expires_at)} {c.reason ? `· ${c.reason}` : ""}
          </Text>
        ))}
        {detail.audit_events.slice(0, 10).map((e) => (
          <Text key={e.id} size="xsmall" className="text-ui-fg-subtle">
            {new Date(e.created_at).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB")} — {auditText(e.action)}{" "}
            {e.message ? `(${e.message})` : ""}
          </Text>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })
export default ProductCertificationWidget
