import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { AmountRow, TOTAL_ROW } from "~/components/AmountRow";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Container } from "~/components/Container";
import { FormAlert } from "~/components/Field";
import { currentCart, groupByProducer, rememberCart } from "~/lib/cart.server";
import { deliveriesFor } from "~/lib/deliveries";
import { ProducerGroups } from "~/components/CartLines";
import { useT } from "~/lib/i18n";
import { listShippingOptions, removeCartLine, updateCartLine } from "~/lib/backend/cart-checkout.server";
import { describedPage } from "~/lib/meta";
import { formatVnd } from "~/lib/money";
import { commit, getSession, PRIVATE_HEADERS } from "~/lib/session.server";
import { refusalMessage } from "~/lib/backend/client.server";
import { getLang } from "~/lib/lang.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const cart = await currentCart(session, await getLang(request));
  rememberCart(session, cart);
  const [groups, options] = cart?.items.length
    ? await Promise.all([groupByProducer(cart), listShippingOptions(cart.id)])
    : [[], []];
  // Before checkout: each producer's parcel at its cheapest delivery (decision 007).
  const deliveries = deliveriesFor(groups, options);
  const shippingFrom = deliveries.reduce(
    (sum, d) => sum + (d.options.length ? Math.min(...d.options.map((o) => o.amount)) : 0),
    0
  );
  return data(
    { cart, groups, parcels: deliveries.length, shippingFrom },
    { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } }
  );
}

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => ({
  ...PRIVATE_HEADERS,
  ...(actionHeaders.get("Set-Cookie")
    ? { "Set-Cookie": actionHeaders.get("Set-Cookie")! }
    : loaderHeaders.get("Set-Cookie")
      ? { "Set-Cookie": loaderHeaders.get("Set-Cookie")! }
      : {}),
});

const changeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("update"),
    line_id: z.string().min(1),
    quantity: z.coerce.number().int().min(0).max(99),
  }),
  z.object({ intent: z.literal("remove"), line_id: z.string().min(1) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = changeSchema.safeParse(form);
  if (!parsed.success) return data({ error: "cart.badQuantity" }, { status: 400, headers: PRIVATE_HEADERS });
  const session = await getSession(request);
  const cart = await currentCart(session);
  if (!cart) return redirect("/cart", { headers: PRIVATE_HEADERS });
  const change = parsed.data;
  const result =
    change.intent === "remove" || change.quantity === 0
      ? await removeCartLine(cart.id, change.line_id)
      : await updateCartLine(cart.id, change.line_id, change.quantity);
  if (!result.ok)
    return data(
      { error: refusalMessage(result, await getLang(request)) },
      { status: result.status, headers: PRIVATE_HEADERS }
    );
  rememberCart(session, await currentCart(session));
  return redirect("/cart", { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } });
}

export const meta: MetaFunction = ({ matches }) =>
  describedPage(matches, "cart.title", "seo.cartDescription", { private: true });

export default function CartPage() {
  const { cart, groups, parcels, shippingFrom } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const tr = useT();
  return (
    <Container className="py-8 sm:py-12">
      <h1 className="font-display text-3xl font-bold">{tr("cart.title")}</h1>
      <div className="mt-4">
        <FormAlert message={actionData?.error} />
      </div>
      {!cart || cart.items.length === 0 ? (
        <div className="mt-6 space-y-4">
          <p data-testid="cart-empty">{tr("cart.empty")}</p>
          <Link to="/" className="font-medium text-lacquer-700 underline">
            {tr("cart.continue")}
          </Link>
        </div>
      ) : (
        <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
          <div>
            <ProducerGroups groups={groups} editable />
            {groups.length > 1 ? <p className="mt-3 text-sm text-ink-soft">{tr("cart.splitNote")}</p> : null}
          </div>
          <aside className="h-fit rounded-2xl border border-clay bg-white p-5">
            <dl className="space-y-2 text-sm">
              <AmountRow label={tr("cart.subtotal")}>{formatVnd(cart.item_total)}</AmountRow>
              <AmountRow
                label={
                  <>
                    {tr("cart.shipping")}
                    {parcels > 1 ? (
                      <span className="block text-xs">{tr("cart.parcels", { count: parcels })}</span>
                    ) : null}
                  </>
                }
                testId="cart-shipping"
                className="gap-4 text-ink-soft"
                valueClassName="text-right"
              >
                {shippingFrom > 0
                  ? tr("cart.shippingFromTotal", { amount: formatVnd(shippingFrom) })
                  : tr("cart.shippingLater")}
              </AmountRow>
              <AmountRow label={tr("cart.total")} testId="cart-total" className={`${TOTAL_ROW} text-base`}>
                {formatVnd(cart.item_total + shippingFrom)}
              </AmountRow>
            </dl>
            <Link
              to="/checkout"
              className="mt-4 block rounded-lg bg-lacquer-600 px-4 py-2.5 text-center font-semibold text-white hover:bg-lacquer-700"
            >
              {tr("cart.checkout")}
            </Link>
            <Link to="/" className="mt-3 block text-center text-sm text-lacquer-700 underline">
              {tr("cart.continue")}
            </Link>
          </aside>
        </div>
      )}
    </Container>
  );
}
