import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { earlyAnswer, ocopAdmin, ocopAdminGet, requestEarly } from "../../lib/api"
import { adminText, entityTypeText, formatCount, producerStatusText, provinceName } from "../../lib/i18n"

type Producer = {
  id: string
  name: string
  entity_type: string
  province_code: string
  status: string
  status_reason: string | null
}

type ProducerPage = { producers: Producer[]; count: number }

const PAGE_SIZE = 20
const pageOf = (offset: number) => `/producers?limit=${PAGE_SIZE}&offset=${offset}`
// The page opened directly (link, reload): its first page leaves while the dashboard checks the session.
requestEarly(/\/ocop-producers\/?$/, () => pageOf(0))

/** Producers (chủ thể OCOP): approve new ones, suspend or reactivate. */
const ProducersPage = () => {
  const [producers, setProducers] = useState<Producer[]>(() => earlyAnswer<ProducerPage>(pageOf(0))?.producers ?? [])
  const [count, setCount] = useState(() => earlyAnswer<ProducerPage>(pageOf(0))?.count ?? 0)
  const [offset, setOffset] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const load = () =>
    ocopAdminGet<ProducerPage>(pageOf(offset))
      .then((r) => {
        setProducers(r.producers)
        setCount(r.count)
      })
      .catch((e) => setError(e.message))
  // Rendered from the early answer already: nothing to ask at mount.
  const shown = useRef(producers.length > 0)
  useEffect(() => {
    if (shown.current) shown.current = false
    else load()
  }, [offset])

  // one decision at a time: a double click sends one request (the ref, since both clicks can come
  // before React renders the disabled buttons)
  const acting = useRef(false)
  const [actingOn, setActingOn] = useState<string | null>(null)
  const act = async (p: Producer, action: "approve" | "suspend" | "reactivate") => {
    if (acting.current) return
    setError(null)
    const reason = action === "suspend" ? window.prompt(adminText("suspendPrompt", { name: p.name })) : undefined
    if (action === "suspend" && !reason) return
    acting.current = true
    setActingOn(p.id)
    try {
      await ocopAdmin(`/producers/${p.id}/${action}`, { method: "POST", body: { reason } })
      await load()
    } catch (e: any) {
      setError(e.message)
    } finally {
      acting.current = false
      setActingOn(null)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading>{adminText("producersTitle")}</Heading>
        <Text size="small">{adminText("producersCount", { n: formatCount(count) })}</Text>
      </div>
      {error && <Text className="px-6 text-ui-fg-error">{error}</Text>}
      {/* on a phone the table scrolls sideways instead of squeezing names into a few letters a line */}
      <div style={{ overflowX: "auto" }}>
        <Table data-testid="ocop-producers-table" style={{ minWidth: 640 }}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{adminText("name")}</Table.HeaderCell>
              <Table.HeaderCell>{adminText("type")}</Table.HeaderCell>
              <Table.HeaderCell>{adminText("province")}</Table.HeaderCell>
              <Table.HeaderCell>{adminText("status")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {producers.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>{p.name}</Table.Cell>
                <Table.Cell>{entityTypeText(p.entity_type)}</Table.Cell>
                <Table.Cell>{provinceName(p.province_code)}</Table.Cell>
                <Table.Cell>
                  <Badge color={p.status === "active" ? "green" : p.status === "pending" ? "blue" : "red"}>
                    {producerStatusText(p.status)}
                  </Badge>
                  {p.status_reason ? <Text size="xsmall">{p.status_reason}</Text> : null}
                </Table.Cell>
                <Table.Cell className="flex gap-2" style={{ flexWrap: "wrap" }}>
                  {p.status === "pending" && (
                    <Button size="small" disabled={actingOn === p.id} onClick={() => act(p, "approve")}>
                      {adminText("approveProducer")}
                    </Button>
                  )}
                  {p.status !== "suspended" && (
                    <Button
                      size="small"
                      variant="secondary"
                      disabled={actingOn === p.id}
                      onClick={() => act(p, "suspend")}
                    >
                      {adminText("suspendProducer")}
                    </Button>
                  )}
                  {p.status === "suspended" && (
                    <Button size="small" disabled={actingOn === p.id} onClick={() => act(p, "reactivate")}>
                      {adminText("reactivate")}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div className="flex gap-2 px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        >
          {adminText("previous")}
        </Button>
        <Button
          size="small"
          variant="secondary"
          disabled={offset + PAGE_SIZE >= count}
          onClick={() => setOffset(offset + PAGE_SIZE)}
        >
          {adminText("next")}
        </Button>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Chủ thể OCOP" })
export default ProducersPage
