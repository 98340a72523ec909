import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Badge } from "~/components/Badge";
import { Button } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { formatDate, useLang, useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { formatVnd } from "~/lib/money";
import { asProducer, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { orders } = orNotFound(await asProducer(request, (token) => vendor.orders(token)));
  return data({ orders }, { headers: PRIVATE_HEADERS });
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = z.object({ order_id: z.string().min(1) }).safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false, message: "form.required" }, { status: 400, headers: PRIVATE_HEADERS });
  const result = await asProducer(request, (token) => vendor.fulfil(token, parsed.data.order_id));
  if (!result.ok) return data({ ok: false, message: result.message }, { status: 400, headers: PRIVATE_HEADERS });
  return data({ ok: true, message: "po.shipDone" }, { headers: PRIVATE_HEADERS });
}

export default function ProducerOrders() {
  const { orders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const tr = useT();
  const lang = useLang();
  return (
    <section>
      <h1 className="font-display text-2xl font-bold">{tr("po.title")}</h1>
      <div className="mt-4">
        {actionData ? (
          <FormAlert
            tone={actionData.ok ? "success" : "error"}
            message={actionData.ok ? actionData.message : tr("po.shipRefused", { message: actionData.message })}
          />
        ) : null}
      </div>
      {orders.length === 0 ? <p className="mt-6">{tr("po.empty")}</p> : null}
      <ul className="mt-6 space-y-4">
        {orders.map((o) => {
          const shipped = o.fulfillments.length > 0;
          const a = (o.shipping_address ?? {}) as unknown as Record<string, string | null>;
          return (
            <li key={o.id} className="rounded-2xl border border-clay bg-white p-5" data-testid="vendor-order">
              <div className="flex flex-wrap items-center gap-3">
                <h2 className="font-display text-lg font-bold">{tr("po.order", { n: o.display_id ?? o.id })}</h2>
                <span className="text-sm text-ink-soft">{formatDate(o.created_at, lang)}</span>
                <Badge tone={shipped ? "success" : "warning"}>{shipped ? tr("po.shipped") : tr("po.notShipped")}</Badge>
              </div>
              <p className="mt-1 text-sm text-ink-soft">
                {tr("order.shipTo")}: {[a.last_name, a.first_name].filter(Boolean).join(" ")}{" "}
                {a.phone ? `· ${a.phone}` : ""} · {[a.address_1, a.address_2, a.province].filter(Boolean).join(", ")}
              </p>
              <ul className="mt-3 divide-y divide-clay/60 text-sm">
                {o.items.map((i) => (
                  <li key={i.id} className="flex justify-between py-2">
                    <span>
                      {i.title} × {i.quantity}
                    </span>
                    <span className="tabular-nums">{formatVnd(i.unit_price * i.quantity)}</span>
                  </li>
                ))}
              </ul>
              <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
                <p className="font-semibold">
                  {tr("po.subtotal")}: {formatVnd(o.subtotal)}
                </p>
                {!shipped ? (
                  <Form method="post">
                    <input type="hidden" name="order_id" value={o.id} />
                    <Button type="submit" variant="secondary">
                      {tr("po.ship")}
                    </Button>
                  </Form>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
