import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { formatDate, useLang, useT } from "~/lib/i18n";
import { getOrder } from "~/lib/backend/orders.server";
import { langFromMatches, titleFor } from "~/lib/meta";
import { formatVnd } from "~/lib/money";
import { getSession, PRIVATE_HEADERS } from "~/lib/session.server";

/** Only orders placed from this browser session are shown (an order id alone is not enough). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const mine = ((await getSession(request)).get("orders") as string[] | undefined) ?? [];
  if (!mine.includes(id)) throw new Response(null, { status: 404, headers: PRIVATE_HEADERS });
  const order = await getOrder(id);
  if (!order) throw new Response(null, { status: 404, headers: PRIVATE_HEADERS });
  return data({ order }, { headers: PRIVATE_HEADERS });
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS;

export const meta: MetaFunction = ({ matches }) => [titleFor(langFromMatches(matches), "order.title")];

export default function OrderPage() {
  const { order } = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const a = order.shipping_address;
  const name = [a?.last_name, a?.first_name].filter(Boolean).join(" ");
  return (
    <Container className="max-w-3xl py-8 sm:py-12">
      <h1 className="font-display text-3xl font-bold text-bamboo-700">{tr("order.title")}</h1>
      <p className="mt-2">{tr("order.thanks")}</p>
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
            {order.payment_provider === "pp_stripe_stripe" ? tr("checkout.card") : tr("checkout.cod")}
          </dd>
          {order.shipping_method ? (
            <>
              <dt className="mt-2 text-ink-soft">{tr("order.shippingMethod")}</dt>
              <dd className="font-medium">{order.shipping_method}</dd>
            </>
          ) : null}
        </div>
      </dl>

      <h2 className="mt-8 font-display text-xl font-bold">{tr("order.items")}</h2>
      <ul className="mt-2 divide-y divide-clay/60 rounded-2xl border border-clay bg-white px-5">
        {order.items.map((l) => (
          <li key={l.id} className="flex items-center justify-between gap-4 py-3" data-testid="order-line">
            <span>
              {l.product_title}
              {l.variant_title ? <span className="text-ink-soft"> · {l.variant_title}</span> : null} × {l.quantity}
            </span>
            <span className="tabular-nums">{formatVnd(l.total)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-4 space-y-1 text-sm">
        <div className="flex justify-between">
          <dt>{tr("cart.subtotal")}</dt>
          <dd className="tabular-nums">{formatVnd(order.item_total)}</dd>
        </div>
        <div className="flex justify-between">
          <dt>{tr("cart.shipping")}</dt>
          <dd className="tabular-nums">{formatVnd(order.shipping_total)}</dd>
        </div>
        <div className="flex justify-between border-t border-clay pt-2 text-lg font-bold">
          <dt>{tr("cart.total")}</dt>
          <dd className="tabular-nums" data-testid="order-total">
            {formatVnd(order.total)}
          </dd>
        </div>
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
