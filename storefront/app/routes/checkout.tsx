import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { ProducerGroups } from "~/components/CartLines";
import { Container } from "~/components/Container";
import { FormAlert, SelectField, TextField, useErrorText } from "~/components/Field";
import { currentCart, groupByProducer, rememberCart } from "~/lib/cart.server";
import { checkoutSchema, parseForm, type FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { checkout, listPaymentProviderIds, listShippingOptions } from "~/lib/backend/cart-checkout.server";
import { refusalMessage } from "~/lib/backend/client.server";
import { listProvinces } from "~/lib/backend/reference-data.server";
import { getLang } from "~/lib/lang.server";
import type { CartView } from "~/lib/backend/views";
import { langFromMatches, titleFor } from "~/lib/meta";
import { formatVnd } from "~/lib/money";
import { commit, getSession, PRIVATE_HEADERS } from "~/lib/session.server";

const COD = "pp_system_default";
const STRIPE = "pp_stripe_stripe";

async function checkoutContext(cart: CartView) {
  const [provinces, shippingOptions, providers, groups] = await Promise.all([
    listProvinces(),
    listShippingOptions(cart.id),
    cart.region_id ? listPaymentProviderIds(cart.region_id) : Promise.resolve([]),
    groupByProducer(cart),
  ]);
  // COD is always offered; card only when the region really has Stripe.
  const payments = [COD, ...(providers.includes(STRIPE) ? [STRIPE] : [])];
  return {
    provinces: provinces
      .map((p) => ({ code: String((p as { code?: unknown }).code ?? ""), name: p.name_vi }))
      .filter((p) => p.code),
    shippingOptions,
    payments,
    groups,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const cart = await currentCart(session);
  if (!cart || cart.items.length === 0) {
    rememberCart(session, cart);
    throw redirect("/cart", { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } });
  }
  return data({ cart, ...(await checkoutContext(cart)) }, { headers: PRIVATE_HEADERS });
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS;

type ActionData = { errors: FieldErrors; values: Record<string, string>; formError?: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const session = await getSession(request);
  const cart = await currentCart(session);
  if (!cart || cart.items.length === 0) throw redirect("/cart", { headers: PRIVATE_HEADERS });

  const parsed = parseForm(checkoutSchema, form);
  if (!parsed.ok) {
    return data<ActionData>(
      { errors: parsed.errors, values: parsed.values, formError: "form.fixErrors" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  const input = parsed.data;
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const ctx = await checkoutContext(cart);
  const errors: FieldErrors = {};
  const province = ctx.provinces.find((p) => p.code === input.province_code);
  if (!province) errors.province_code = "form.province";
  if (!ctx.shippingOptions.some((o) => o.id === input.shipping_option_id)) errors.shipping_option_id = "form.choose";
  if (!ctx.payments.includes(input.payment_provider)) errors.payment_provider = "form.choose";
  if (Object.keys(errors).length || !province) {
    return data<ActionData>({ errors, values, formError: "form.fixErrors" }, { status: 400, headers: PRIVATE_HEADERS });
  }

  const result = await checkout(cart.id, {
    email: input.email,
    full_name: input.full_name,
    phone: input.phone.replace(/^0/, "+84"), // stored as E.164
    address: input.address,
    ward: input.ward,
    province_name: province.name,
    shipping_option_id: input.shipping_option_id,
    payment_provider: input.payment_provider,
  });
  if (!result.ok) {
    return data<ActionData>(
      { errors: {}, values, formError: refusalMessage(result, await getLang(request)) },
      { status: result.status >= 400 && result.status < 500 ? result.status : 400, headers: PRIVATE_HEADERS }
    );
  }
  rememberCart(session, null);
  const orders = (session.get("orders") as string[] | undefined) ?? [];
  session.set("orders", [result.data.id, ...orders.filter((o) => o !== result.data.id)].slice(0, 10));
  throw redirect(`/orders/${result.data.id}`, { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } });
}

export const meta: MetaFunction = ({ matches }) => [titleFor(langFromMatches(matches), "checkout.title")];

export default function CheckoutPage() {
  const { cart, provinces, shippingOptions, payments, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  const errorText = useErrorText();
  const v = actionData?.values ?? {};
  const e = actionData?.errors ?? {};
  const chosenShipping = v.shipping_option_id ?? shippingOptions[0]?.id ?? "";
  const chosenPayment = v.payment_provider ?? COD;
  const formError =
    actionData?.formError && actionData.formError !== "form.fixErrors"
      ? tr("checkout.refused", { message: actionData.formError })
      : actionData?.formError;

  return (
    <Container className="py-8 sm:py-12">
      <h1 className="font-display text-3xl font-bold">{tr("checkout.title")}</h1>
      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_24rem]">
        <Form
          method="post"
          noValidate
          className="space-y-8"
          aria-describedby={formError ? "checkout-error" : undefined}
        >
          <div id="checkout-error">
            <FormAlert message={formError} />
          </div>
          <fieldset className="space-y-4">
            <legend className="font-display text-xl font-bold">{tr("checkout.contact")}</legend>
            <TextField
              name="full_name"
              label={tr("checkout.fullName")}
              required
              autoComplete="name"
              defaultValue={v.full_name}
              error={e.full_name}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="phone"
                type="tel"
                label={tr("checkout.phone")}
                required
                autoComplete="tel"
                inputMode="tel"
                hint={tr("checkout.phoneHint")}
                defaultValue={v.phone}
                error={e.phone}
              />
              <TextField
                name="email"
                type="email"
                label={tr("checkout.email")}
                required
                autoComplete="email"
                defaultValue={v.email}
                error={e.email}
              />
            </div>
          </fieldset>

          <fieldset className="space-y-4">
            <legend className="font-display text-xl font-bold">{tr("checkout.address")}</legend>
            <p className="text-sm text-ink-soft">{tr("checkout.addressNote")}</p>
            <TextField
              name="address"
              label={tr("checkout.street")}
              required
              autoComplete="street-address"
              defaultValue={v.address}
              error={e.address}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="ward" label={tr("checkout.ward")} required defaultValue={v.ward} error={e.ward} />
              <SelectField
                name="province_code"
                label={tr("checkout.province")}
                required
                placeholder={tr("checkout.choose")}
                options={provinces.map((p) => ({ value: p.code, label: p.name }))}
                defaultValue={v.province_code}
                error={e.province_code}
              />
            </div>
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="font-display text-xl font-bold">{tr("checkout.shipping")}</legend>
            {shippingOptions.length === 0 ? <p className="text-sm">{tr("checkout.noShipping")}</p> : null}
            {shippingOptions.map((o) => (
              <label
                key={o.id}
                className="flex cursor-pointer items-center gap-3 rounded-lg border border-clay bg-white px-4 py-3"
              >
                <input type="radio" name="shipping_option_id" value={o.id} defaultChecked={o.id === chosenShipping} />
                <span className="flex-1">{o.name}</span>
                {o.amount !== null ? <span className="tabular-nums">{formatVnd(o.amount)}</span> : null}
              </label>
            ))}
            {e.shipping_option_id ? (
              <p className="text-sm font-medium text-lacquer-700">{errorText(e.shipping_option_id)}</p>
            ) : null}
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="font-display text-xl font-bold">{tr("checkout.payment")}</legend>
            {payments.map((p) => (
              <label
                key={p}
                className="flex cursor-pointer items-start gap-3 rounded-lg border border-clay bg-white px-4 py-3"
              >
                <input
                  type="radio"
                  name="payment_provider"
                  value={p}
                  defaultChecked={p === chosenPayment}
                  className="mt-1"
                />
                <span>
                  <span className="block font-medium">{p === COD ? tr("checkout.cod") : tr("checkout.card")}</span>
                  {p === COD ? <span className="block text-sm text-ink-soft">{tr("checkout.codHint")}</span> : null}
                </span>
              </label>
            ))}
            {e.payment_provider ? (
              <p className="text-sm font-medium text-lacquer-700">{errorText(e.payment_provider)}</p>
            ) : null}
          </fieldset>

          <Button type="submit" disabled={navigation.state === "submitting"} data-testid="place-order">
            {tr("checkout.placeOrder")}
          </Button>
        </Form>

        <aside className="h-fit space-y-4">
          <h2 className="font-display text-xl font-bold">{tr("checkout.summary")}</h2>
          <ProducerGroups groups={groups} editable={false} />
          <dl className="space-y-2 rounded-2xl border border-clay bg-white p-5 text-sm">
            <div className="flex justify-between">
              <dt>{tr("cart.subtotal")}</dt>
              <dd className="tabular-nums">{formatVnd(cart.item_total)}</dd>
            </div>
            <div className="flex justify-between text-ink-soft">
              <dt>{tr("cart.shipping")}</dt>
              <dd>{tr("cart.shippingLater")}</dd>
            </div>
          </dl>
        </aside>
      </div>
    </Container>
  );
}
