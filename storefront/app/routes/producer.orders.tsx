import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Badge } from "~/components/Badge";
import { Button, buttonClasses } from "~/components/Button";
import { FormAlert, TextField } from "~/components/Field";
import {
  changeOrderPartStatus,
  listOrderParts,
  shipOrderPart,
  type VendorOrderPart,
} from "~/lib/backend/orders.server";
import type { Refusal } from "~/lib/backend/client.server";
import { formatDate, useLang, useT, type Lang, type MessageKey } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { formatVnd } from "~/lib/money";
import { CARRIERS, type PartStatus } from "~/lib/order-parts";
import { recordCashCollection } from "~/lib/backend/statements.server";
import { OrderItemLine } from "~/components/OrderItemLine";
import { CashCollection } from "~/components/producer/CashCollection";
import { asProducer, localizedRefusal, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { orders } = orNotFound(await asProducer(request, listOrderParts));
  return data({ orders }, { headers: PRIVATE_HEADERS });
}

const shipmentSchema = z.object({
  order_id: z.string().min(1),
  carrier: z.string().trim().min(2, "shipping.carrierRequired").max(80, "form.tooLong"),
  tracking_number: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 .\-/]{2,39}$/, "shipping.trackingInvalid"),
});

type ActionData = {
  ok: boolean;
  message?: string;
  order_id?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** The shipment to confirm (step two of "mark as shipped"), with its one-time key. */
  confirm?: { order_id: string; carrier: string; tracking_number: string; key: string };
};

/** Our 409s read "Vietnamese (EN: English)": the page shows the half in its language. */
function refusalText(result: Refusal, lang: Lang): string {
  const text = localizedRefusal(result, lang).formError;
  const split = /^(.*) \(EN: (.*)\)$/s.exec(text);
  return split ? (lang === "vi" ? split[1] : split[2]) : text;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const lang = await getLang(request);
  const orderId = form.order_id ?? "";
  const reply = (body: ActionData, status = 200) => data<ActionData>(body, { status, headers: PRIVATE_HEADERS });

  if (form.intent === "review" || form.intent === "ship") {
    const parsed = shipmentSchema.safeParse(form);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
      return reply({ ok: false, order_id: orderId, errors, values: form, message: "form.fixErrors" }, 400);
    }
    const { carrier, tracking_number } = parsed.data;
    if (form.intent === "review") {
      return reply({
        ok: true,
        order_id: orderId,
        confirm: { order_id: orderId, carrier, tracking_number, key: randomUUID() },
      });
    }
    const result = await asProducer(request, (token) =>
      shipOrderPart(token, orderId, { carrier, tracking_number }, form.key || undefined)
    );
    if (!result.ok) return reply({ ok: false, order_id: orderId, message: refusalText(result, lang) }, result.status);
    return reply({ ok: true, order_id: orderId, message: "shipping.shipped" });
  }
  if (form.intent === "deliver" || form.intent === "return") {
    const action = form.intent;
    const result = await asProducer(request, (token) => changeOrderPartStatus(token, orderId, action));
    if (!result.ok) return reply({ ok: false, order_id: orderId, message: refusalText(result, lang) }, result.status);
    return reply({
      ok: true,
      order_id: orderId,
      message: action === "deliver" ? "shipping.delivered" : "shipping.returned",
    });
  }
  if (form.intent === "cash") {
    const amount = Number(form.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) {
      return reply({ ok: false, order_id: orderId, errors: { amount: "cod.amountInvalid" }, values: form }, 400);
    }
    const result = await asProducer(request, (token) => recordCashCollection(token, orderId, amount));
    if (!result.ok) return reply({ ok: false, order_id: orderId, message: refusalText(result, lang) }, result.status);
    return reply({ ok: true, order_id: orderId, message: "cod.saved" });
  }
  return reply({ ok: false, message: "form.choose" }, 400);
}

const CASH_BOX = "mt-1 rounded-lg bg-gold-50 px-3 py-2 text-sm font-medium ring-1 ring-gold-400/50";

/** The shipment form's two fields: the carrier (suggested from CARRIERS) and its tracking number. */
const SHIPMENT_FIELDS: Array<{
  name: "carrier" | "tracking_number";
  label: MessageKey;
  list?: string;
  autoComplete?: string;
}> = [
  { name: "carrier", label: "shipping.carrier", list: "carriers" },
  { name: "tracking_number", label: "shipping.tracking", autoComplete: "off" },
];

const STATUS: Record<PartStatus, { key: MessageKey; tone: "success" | "warning" | "neutral" | "danger" }> = {
  placed: { key: "account.status.placed", tone: "warning" },
  shipped: { key: "account.status.shipped", tone: "neutral" },
  delivered: { key: "account.status.delivered", tone: "success" },
  returned: { key: "account.status.returned", tone: "danger" },
  cancelled: { key: "account.status.cancelled", tone: "danger" },
};

export default function ProducerOrders() {
  const { orders } = useLoaderData<typeof loader>();
  const tr = useT();
  return (
    <section>
      <h1 className="font-display text-2xl font-bold">{tr("po.title")}</h1>
      {orders.length === 0 ? <p className="mt-6">{tr("po.empty")}</p> : null}
      <ul className="mt-6 space-y-4">
        {orders.map((o) => (
          <OrderPartCard key={o.id} order={o} />
        ))}
      </ul>
      <datalist id="carriers">
        {CARRIERS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </section>
  );
}

function OrderPartCard({ order: o }: { order: VendorOrderPart }) {
  const tr = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("order_id") === o.id;
  const actionData = useActionData<typeof action>();
  const mine = actionData?.order_id === o.id ? actionData : undefined;
  const confirm = mine?.confirm;
  const status = STATUS[o.part_status] ?? STATUS.placed;
  const a = (o.shipping_address ?? {}) as unknown as Record<string, string | null>;
  const recipient = [a.last_name, a.first_name].filter(Boolean).join(" ") + (a.phone ? ` · ${a.phone}` : "");
  const e = mine?.errors ?? {};
  return (
    <li className="rounded-2xl border border-clay bg-white p-5" data-testid="vendor-order" data-order-id={o.id}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="font-display text-lg font-bold">{tr("po.order", { n: o.display_id ?? o.id })}</h2>
        <span className="text-sm text-ink-soft">{formatDate(o.created_at, lang)}</span>
        <Badge tone={status.tone}>
          <span data-testid="vendor-part-status" data-status={o.part_status}>
            {tr(status.key)}
          </span>
        </Badge>
      </div>
      <p className="mt-1 text-sm text-ink-soft">
        {tr("order.shipTo")}: {recipient} · {[a.address_1, a.address_2, a.province].filter(Boolean).join(", ")}
      </p>
      <ul className="mt-3 divide-y divide-clay/60 text-sm">
        {o.items.map((i) => (
          <OrderItemLine key={i.id} line={i} className="flex justify-between py-2" />
        ))}
      </ul>
      <p className="mt-2 font-semibold">
        {tr("po.subtotal")}: {formatVnd(o.subtotal)}
      </p>
      {o.cash_on_delivery ? (
        <p className={CASH_BOX} data-testid="cash-to-collect">
          {tr("shipping.cashToCollect", { amount: formatVnd(o.cash_to_collect) })}
        </p>
      ) : null}
      <CashCollection order={o} busy={busy} error={e.amount} value={mine?.values?.amount} />
      {o.shipment.tracking_number ? (
        <p className="mt-2 text-sm" data-testid="vendor-tracking">
          {tr("account.shippedWith", { carrier: o.shipment.carrier ?? "—" })}{" "}
          <strong className="font-mono">{o.shipment.tracking_number}</strong>
        </p>
      ) : null}
      <div className="mt-3 space-y-3">
        {mine?.message && !confirm ? <FormAlert tone={mine.ok ? "success" : "error"} message={mine.message} /> : null}
        {o.allowed_actions.includes("ship") && confirm ? (
          <Form
            method="post"
            className="space-y-3 rounded-xl border border-gold-400 bg-paper p-4"
            data-testid="ship-confirm"
          >
            <p className="text-sm font-semibold">{tr("shipping.confirmTitle")}</p>
            <p className="text-sm">
              {tr("shipping.confirmText", { carrier: confirm.carrier, tracking: confirm.tracking_number })}
            </p>
            {o.cash_on_delivery ? (
              <p className="text-sm font-semibold">
                {tr("shipping.cashToCollect", { amount: formatVnd(o.cash_to_collect) })}
              </p>
            ) : null}
            <input type="hidden" name="order_id" value={o.id} />
            <input type="hidden" name="carrier" value={confirm.carrier} />
            <input type="hidden" name="tracking_number" value={confirm.tracking_number} />
            <input type="hidden" name="key" value={confirm.key} />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" name="intent" value="ship" disabled={busy}>
                {tr("shipping.confirm")}
              </Button>
              <Link to="/producer/orders" className={buttonClasses("ghost")}>
                {tr("shipping.back")}
              </Link>
            </div>
          </Form>
        ) : o.allowed_actions.includes("ship") ? (
          <Form method="post" noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <input type="hidden" name="order_id" value={o.id} />
            {SHIPMENT_FIELDS.map((f) => (
              <TextField
                key={f.name}
                id={`${f.name}-${o.id}`}
                name={f.name}
                label={tr(f.label)}
                required
                list={f.list}
                autoComplete={f.autoComplete}
                defaultValue={mine?.values?.[f.name]}
                error={e[f.name]}
              />
            ))}
            <Button type="submit" name="intent" value="review" variant="secondary" disabled={busy}>
              {tr("po.ship")}
            </Button>
          </Form>
        ) : null}
        {o.allowed_actions.some((x) => x === "deliver" || x === "return") ? (
          <Form method="post" className="flex flex-wrap gap-2">
            <input type="hidden" name="order_id" value={o.id} />
            {o.allowed_actions.includes("deliver") ? (
              <Button type="submit" name="intent" value="deliver" variant="secondary" disabled={busy}>
                {tr("shipping.markDelivered")}
              </Button>
            ) : null}
            {o.allowed_actions.includes("return") ? (
              <Button type="submit" name="intent" value="return" variant="ghost" disabled={busy}>
                {tr("shipping.markReturned")}
              </Button>
            ) : null}
          </Form>
        ) : null}
      </div>
    </li>
  );
}
