import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { AmountRow, TOTAL_ROW } from "~/components/AmountRow";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { OrderItemLine } from "~/components/OrderItemLine";
import { OrderPartAmounts } from "~/components/OrderPartAmounts";
import { getShopperOrder } from "~/lib/backend/customer.server";
import { formatDate, t, useLang, useT, type MessageKey } from "~/lib/i18n";
import { langFromMatches, notFoundSeo, pageTitle } from "~/lib/meta";
import { formatVnd } from "~/lib/money";
import type { PartStatus } from "~/lib/order-parts";
import { getCustomerToken, getSession, PRIVATE_HEADERS } from "~/lib/session.server";
import { getOrderPayment } from "~/lib/backend/payments.server";
import { vietQrPngDataUrl } from "~/lib/payment-qr.server";
import { METHOD_NAME } from "~/lib/payment-methods";
import { OrderPayment } from "~/components/payment/OrderPayment";

/**
 * An order opens for the account that placed it, for the key of its emailed link (any browser),
 * and — a guest order — for the browser that placed it (its id is in the signed session cookie).
 * An order id alone opens nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const key = new URL(request.url).searchParams.get("key");
  const token = await getCustomerToken(request);
  const placedHere = (((await getSession(request)).get("orders") as string[] | undefined) ?? []).includes(id);
  const notFound = () => new Response(null, { status: 404, headers: PRIVATE_HEADERS });
  if (!key && !token && !placedHere) throw notFound();
  const found = await getShopperOrder(id, { token, key });
  if (!found || (found.access === "id" && !placedHere)) throw notFound();
  const payment = await getOrderPayment(id, { token, key });
  const qrDataUrl = payment?.bank_transfer ? await vietQrPngDataUrl(payment.bank_transfer.qr_payload) : null;
  return data({ order: found.order, placedHere, payment, qrDataUrl, key }, { headers: PRIVATE_HEADERS });
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  // an unknown or someone else's order id is a 404, never "order placed"
  if (!data) return notFoundSeo(matches);
  const lang = langFromMatches(matches);
  const n = data.order.display_id ?? "";
  return [
    pageTitle(lang, t(lang, data.placedHere ? "order.title" : "account.orderHeading", { n })),
    { name: "description", content: t(lang, "seo.orderDescription") },
    { name: "robots", content: "noindex" },
  ];
};

const STATUS_KEY: Record<PartStatus, MessageKey> = {
  placed: "account.status.placed",
  shipped: "account.status.shipped",
  delivered: "account.status.delivered",
  returned: "account.status.returned",
  cancelled: "account.status.cancelled",
};
const STATUS_TONE: Record<PartStatus, string> = {
  placed: "bg-paper-deep text-ink",
  shipped: "bg-gold-50 text-ink ring-1 ring-gold-400/50",
  delivered: "bg-bamboo-50 text-bamboo-700",
  returned: "bg-lacquer-50 text-lacquer-800",
  cancelled: "bg-lacquer-50 text-lacquer-800",
};

export default function OrderPage() {
  const { order, placedHere, payment, qrDataUrl, key } = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const a = order.shipping_address;
  const name = [a?.last_name, a?.first_name].filter(Boolean).join(" ");
  return (
    <Container className="max-w-3xl py-8 sm:py-12">
      <h1 className="font-display text-3xl font-bold text-bamboo-700">
        {placedHere ? tr("order.title") : tr("account.orderHeading", { n: order.display_id ?? "" })}
      </h1>
      {placedHere ? <p className="mt-2">{tr("order.thanks")}</p> : null}
      <dl className="mt-6 grid gap-3 rounded-2xl border border-clay bg-white p-5 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-ink-soft">{tr("order.number")}</dt>
          <dd className="text-lg font-bold" data-testid="order-number">
            #{order.display_id ?? order.id}
          </dd>
        </div>
        <div>
          <dt className="text-ink-soft">{tr("order.date")}</dt>
          <dd className="font-medium">{formatDate(order.created_at, lang)}</dd>
        </div>
        <div>
          <dt className="text-ink-soft">{tr("order.shipTo")}</dt>
          <dd className="font-medium" data-testid="order-address">
            {name}
            {a?.phone ? <> · {a.phone}</> : null}
            <br />
            {[a?.address_1, a?.address_2, a?.province].filter(Boolean).join(", ")}
          </dd>
        </div>
        <div>
          <dt className="text-ink-soft">{tr("order.payment")}</dt>
          <dd className="font-medium">
            {payment
              ? tr(METHOD_NAME[payment.method])
              : order.cash_on_delivery
                ? tr("checkout.cod")
                : tr("checkout.card")}
          </dd>
        </div>
      </dl>
      {payment ? <OrderPayment payment={payment} qrDataUrl={qrDataUrl} orderId={order.id} linkKey={key} /> : null}

      <h2 className="mt-8 font-display text-xl font-bold">{tr("account.parts")}</h2>
      {order.parts.length > 1 ? <p className="mt-1 text-sm text-ink-soft">{tr("order.deliveriesNote")}</p> : null}
      <div className="mt-2 space-y-4">
        {order.parts.map((part) => (
          <section
            key={part.producer.id}
            className="rounded-2xl border border-clay bg-white p-5"
            data-testid="order-part"
            aria-label={part.producer.name}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-semibold">
                {part.producer.handle ? (
                  <Link to={`/producers/${part.producer.handle}`} className="underline hover:text-lacquer-700">
                    {part.producer.name}
                  </Link>
                ) : (
                  part.producer.name
                )}
              </h3>
              <span
                className={`rounded-full px-3 py-1 text-xs font-semibold ${STATUS_TONE[part.status]}`}
                data-testid="part-status"
                data-status={part.status}
              >
                {tr(STATUS_KEY[part.status])}
              </span>
            </div>
            {part.shipment.tracking_number ? (
              <p className="mt-2 text-sm" data-testid="part-tracking">
                {tr("account.shippedWith", { carrier: part.shipment.carrier ?? "—" })}{" "}
                <strong className="font-mono">{part.shipment.tracking_number}</strong>
                {part.shipment.shipped_at ? <> · {formatDate(part.shipment.shipped_at, lang)}</> : null}
              </p>
            ) : null}
            {part.shipment.delivered_at ? (
              <p className="mt-1 text-sm">
                {tr("account.deliveredOn", { date: formatDate(part.shipment.delivered_at, lang) })}
              </p>
            ) : null}
            <ul className="mt-3 divide-y divide-clay/60">
              {part.items.map((l) => (
                <OrderItemLine
                  key={l.id}
                  line={l}
                  className="flex items-center justify-between gap-4 py-2 text-sm"
                  testId="order-line"
                />
              ))}
            </ul>
            <OrderPartAmounts subtotal={part.subtotal} shipping={part.shipping_total} />
          </section>
        ))}
      </div>
      <dl className="mt-4 space-y-1 text-sm">
        <AmountRow label={tr("cart.subtotal")}>{formatVnd(order.item_total)}</AmountRow>
        <AmountRow label={tr("cart.shipping")}>{formatVnd(order.shipping_total)}</AmountRow>
        <AmountRow label={tr("cart.total")} testId="order-total" className={`${TOTAL_ROW} text-lg`}>
          {formatVnd(order.total)}
        </AmountRow>
      </dl>
      <Link to="/" className="mt-8 inline-block font-medium text-lacquer-700 underline">
        {tr("cart.continue")}
      </Link>
    </Container>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
