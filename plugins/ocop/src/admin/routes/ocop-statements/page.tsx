import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { type ReactNode, useEffect, useState } from "react"
import { ocopAdmin } from "../../lib/api"
import { entityTypeText, formatVnd } from "../../lib/i18n"
import { type StatementsTextKey, statementsText as t } from "../../lib/statements-i18n"
import { listProductGroups } from "../../../lib/product-groups"

type Totals = Record<string, number>
type Row = {
  producer: { id: string; name: string; entity_type: string }
  totals: Totals
  paid: number
  outstanding: number
  complete: boolean
}
type Month = { month: string; producers: Row[]; totals: Totals; paid: number; outstanding: number }
/** What a producer's row and the platform's row both have. */
type Money = Pick<Row, "totals" | "paid" | "outstanding">

/** The table's money columns: the same for each producer and for the whole platform. */
const MONEY_COLUMNS: Array<{ heading: StatementsTextKey; amount: (m: Money) => number }> = [
  { heading: "gross", amount: (m) => m.totals.gross },
  { heading: "netSales", amount: (m) => m.totals.net_sales },
  { heading: "commission", amount: (m) => m.totals.commission },
  { heading: "tax", amount: (m) => (m.totals.vat_withheld ?? 0) + (m.totals.pit_withheld ?? 0) },
  { heading: "cashByProducer", amount: (m) => m.totals.cash_collected_by_producer },
  { heading: "due", amount: (m) => m.totals.payout_due },
  { heading: "paid", amount: (m) => m.paid },
  { heading: "outstanding", amount: (m) => m.outstanding },
]

const MoneyCells = ({ of }: { of: Money }) =>
  MONEY_COLUMNS.map((c) => (
    <Table.Cell key={c.heading}>
      <span className="tabular-nums">{formatVnd(c.amount(of))}</span>
    </Table.Cell>
  ))

/** A form field of the page: its label above it. */
const Field = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="text-sm">
    <Label htmlFor={id}>{label}</Label>
    {children}
  </div>
)

/** A labelled text input of the page; `onChange` gets the new value. */
const InputField = ({
  id,
  label,
  value,
  onChange,
  ...input
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  type?: "month"
  inputMode?: "decimal"
}) => (
  <Field id={id} label={label}>
    <Input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
  </Field>
)
/** The rate form's typed inputs (the product group is a select). */
const RATE_INPUTS = [
  { key: "percent", id: "rate-percent", label: "ratePercent", inputMode: "decimal" },
  { key: "effective_from", id: "rate-from", label: "from", type: "month" },
] as const

type Rate = { id: string; product_group: string; rate_bps: number; effective_from: string }

const thisMonth = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 7)

/** The month's statements per producer, payouts recorded with their bank reference, and commission rates. */
const StatementsPage = () => {
  const [month, setMonth] = useState(thisMonth())
  const [data, setData] = useState<Month | null>(null)
  const [rates, setRates] = useState<Rate[]>([])
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const [rate, setRate] = useState({ product_group: "*", percent: "", effective_from: thisMonth() })

  const fail = (e: unknown) => setMessage({ error: true, text: (e as Error).message })
  const load = () => {
    ocopAdmin<Month>(`/statements?month=${month}`).then(setData).catch(fail)
    ocopAdmin<{ commission_rates: Rate[] }>("/commission-rates")
      .then((r) => setRates(r.commission_rates))
      .catch(fail)
  }
  useEffect(load, [month])

  const recordPayout = async (row: Row) => {
    const bank_reference = window.prompt(t("bankReferencePrompt", { name: row.producer.name }))
    if (!bank_reference) return
    const amount = window.prompt(t("amountPrompt"), String(Math.max(0, row.outstanding)))
    if (!amount) return
    try {
      await ocopAdmin("/payouts", {
        method: "POST",
        body: { producer_id: row.producer.id, month, amount: Number(amount), bank_reference },
      })
      setMessage({ error: false, text: t("payoutSaved") })
      load()
    } catch (e) {
      fail(e)
    }
  }

  const saveRate = async () => {
    try {
      const rate_bps = Math.round(Number(rate.percent.replace(",", ".")) * 100)
      await ocopAdmin("/commission-rates", {
        method: "POST",
        body: { product_group: rate.product_group, rate_bps, effective_from: rate.effective_from },
      })
      load()
    } catch (e) {
      fail(e)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end gap-4 px-6 py-4">
        <div>
          <Heading>{t("title")}</Heading>
          <Text size="small">{t("intro")}</Text>
        </div>
        <InputField
          id="statement-month"
          label={t("month")}
          type="month"
          value={month}
          onChange={(value) => value && setMonth(value)}
        />
      </div>
      {message && (
        <Text className={`px-6 py-2 ${message.error ? "text-ui-fg-error" : "text-ui-fg-interactive"}`}>
          {message.text}
        </Text>
      )}
      {data && data.producers.length === 0 ? <Text className="px-6 py-4">{t("empty")}</Text> : null}
      {data && data.producers.length > 0 ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("producer")}</Table.HeaderCell>
              {MONEY_COLUMNS.map((c) => (
                <Table.HeaderCell key={c.heading}>{t(c.heading)}</Table.HeaderCell>
              ))}
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.producers.map((row) => (
              <Table.Row key={row.producer.id}>
                <Table.Cell>
                  {row.producer.name}
                  <Text size="xsmall">{entityTypeText(row.producer.entity_type)}</Text>
                  {!row.complete && <Badge color="orange">{t("pending")}</Badge>}
                </Table.Cell>
                <MoneyCells of={row} />
                <Table.Cell className="flex gap-2">
                  <Button size="small" onClick={() => recordPayout(row)}>
                    {t("recordPayout")}
                  </Button>
                  <a
                    className="text-ui-fg-interactive text-sm"
                    href={`/admin/ocop/statements/${row.producer.id}/export?month=${month}`}
                  >
                    {t("csv")}
                  </a>
                </Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.Cell className="font-semibold">{t("total")}</Table.Cell>
              <MoneyCells of={data} />
              <Table.Cell />
            </Table.Row>
          </Table.Body>
        </Table>
      ) : null}
      <div className="space-y-3 px-6 py-4">
        <Heading level="h2">{t("ratesTitle")}</Heading>
        <ul className="text-sm">
          {rates.map((r) => (
            <li key={r.id}>
              {r.product_group === "*" ? t("allGroups") : r.product_group}: {(r.rate_bps / 100).toLocaleString("vi-VN")}
              % — {t("from")} {r.effective_from}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="rate-group" label={t("group")}>
            <Select value={rate.product_group} onValueChange={(v) => setRate({ ...rate, product_group: v })}>
              <Select.Trigger id="rate-group">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="*">{t("allGroups")}</Select.Item>
                {listProductGroups().map((g) => (
                  <Select.Item key={g.slug} value={g.slug}>
                    {g.name_vi}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          {RATE_INPUTS.map(({ key, label, ...input }) => (
            <InputField
              key={key}
              label={t(label)}
              value={rate[key]}
              onChange={(value) => setRate({ ...rate, [key]: value })}
              {...input}
            />
          ))}
          <Button size="small" onClick={saveRate}>
            {t("saveRate")}
          </Button>
        </div>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Sao kê chủ thể" })
export default StatementsPage
