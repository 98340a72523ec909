import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { AmountRow, TOTAL_ROW } from "~/components/AmountRow";
import { RadioCard } from "~/components/RadioCard";
import { data, redirect } from "@remix-run/node";
import { Form, type ShouldRevalidateFunction, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/Button";
import { ProducerGroups } from "~/components/CartLines";
import { Container } from "~/components/Container";
import { FormAlert, useErrorText } from "~/components/Field";
import { AddressFields, EmailField, FullNameField, PhoneField } from "~/components/PersonFields";
import { checkoutPrefill } from "~/components/checkout-prefill.server";
import { NEW_ADDRESS, prefilledValues, SavedAddressPicker } from "~/components/SavedAddressPicker";
import { currentCart, groupByProducer, rememberCart } from "~/lib/cart.server";
import { deliveriesFor, deliveryField } from "~/lib/deliveries";
import { checkoutSchema, parseForm, type FieldErrors } from "~/lib/forms";
import { isMessageKey, type MessageKey, useT } from "~/lib/i18n";
import { listPaymentProviderIds, listShippingOptions } from "~/lib/backend/cart-checkout.server";
import { placeOrder } from "~/lib/backend/checkout.server";
import { refusalMessage } from "~/lib/backend/client.server";
import { listProvinces } from "~/lib/backend/reference-data.server";
import { getLang } from "~/lib/lang.server";
import type { CartView, ShippingOptionView } from "~/lib/backend/views";
import { describedPage } from "~/lib/meta";
import { formatVnd } from "~/lib/money";
import { commit, getSession, PRIVATE_HEADERS } from "~/lib/session.server";
import { COD, offeredPayments } from "~/lib/payment-methods";
import { PaymentMethodLabel } from "~/components/payment/PaymentMethodChoice";

async function checkoutContext(cart: CartView) {
  const [provinces, shippingOptions, providers, groups] = await Promise.all([
    listProvinces(),
    listShippingOptions(cart.id),
    cart.region_id ? listPaymentProviderIds(cart.region_id) : Promise.resolve([]),
    groupByProducer(cart),
  ]);
  // COD is always offered; VietQR, VNPay and card only when the region really has them.
  const payments = offeredPayments(providers);
  return {
    provinces: provinces
      .map((p) => ({ code: String((p as { code?: unknown }).code ?? ""), name: p.name_vi }))
      .filter((p) => p.code),
    deliveries: deliveriesFor(groups, shippingOptions),
    payments,
    groups,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const cart = await currentCart(session, await getLang(request));
  if (!cart || cart.items.length === 0) {
    rememberCart(session, cart);
    throw redirect("/cart", { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } });
  }
  const [context, prefill] = await Promise.all([checkoutContext(cart), checkoutPrefill(request)]);
  return data({ cart, ...context, prefill }, { headers: PRIVATE_HEADERS });
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS;

type ActionData = { errors: FieldErrors; values: Record<string, string>; formError?: string };
const DELIVERY_UNAVAILABLE: MessageKey = "checkout.deliveryUnavailable";

/**
 * Placing the order reads nothing before it writes: the cart, its parcels, their delivery options
 * and the region's payment methods are checked by the backend's checkout call (one call that
 * refuses, naming the field, an option that is not one of the cart's parcels' or a payment method
 * the region lacks) — the page's loader already read them to draw the form.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const session = await getSession(request);
  const cartId = session.get("cartId");
  if (typeof cartId !== "string" || !cartId) throw redirect("/cart", { headers: PRIVATE_HEADERS });

  const parsed = parseForm(checkoutSchema, form);
  if (!parsed.ok) {
    return data<ActionData>(
      { errors: parsed.errors, values: parsed.values, formError: "form.fixErrors" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  const input = parsed.data;
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const errors: FieldErrors = {};
  const province = (await listProvinces()).find(
    (p) => String((p as { code?: unknown }).code ?? "") === input.province_code
  );
  if (!province) errors.province_code = "form.province";
  // One delivery option per parcel: the value of each parcel's group of choices.
  const shippingOptionIds: string[] = [];
  for (const [name, value] of form.entries()) {
    if (!name.startsWith(deliveryField(""))) continue;
    const chosen = String(value).trim();
    if (chosen) shippingOptionIds.push(chosen);
    else errors[name] = "form.choose";
  }
  if (input.payment_provider !== COD && !input.email) errors.email = "form.emailForCard";
  if (Object.keys(errors).length || !province) {
    return data<ActionData>({ errors, values, formError: "form.fixErrors" }, { status: 400, headers: PRIVATE_HEADERS });
  }

  const details = {
    email: input.email || undefined,
    full_name: input.full_name,
    phone: input.phone, // E.164 already (lib/phone.ts)
    address: input.address,
    ward: input.ward,
    province_name: province.name_vi,
    shipping_option_ids: shippingOptionIds,
    payment_provider: input.payment_provider,
  };
  const token = session.get("customerToken");
  const result = await placeOrder(cartId, details, typeof token === "string" ? token : undefined);
  if (!result.ok) {
    return data<ActionData>(
      {
        errors: {},
        values,
        // A delivery option the shop withdrew or changed while the page was open: said in the shopper's
        // words (the backend's names the field and the option's id, for API clients).
        formError:
          result.code === "delivery_option_unavailable"
            ? DELIVERY_UNAVAILABLE
            : refusalMessage(result, await getLang(request)),
      },
      { status: result.status >= 400 && result.status < 500 ? result.status : 400, headers: PRIVATE_HEADERS }
    );
  }
  rememberCart(session, null);
  const orders = (session.get("orders") as string[] | undefined) ?? [];
  session.set("orders", [result.data.id, ...orders.filter((o) => o !== result.data.id)].slice(0, 10));
  throw redirect(`/orders/${result.data.id}`, { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } });
}

/**
 * A refused order leaves the page as it was (Remix does not reload after a 4xx answer), except when
 * a delivery option was withdrawn: the choices are read again, so the shopper picks from what is offered now.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as ActionData | undefined)?.formError === DELIVERY_UNAVAILABLE || defaultShouldRevalidate;

export const meta: MetaFunction = ({ matches }) =>
  describedPage(matches, "checkout.title", "seo.checkoutDescription", { private: true });

/** A delivery option's name in the page's language (the backend names them in Vietnamese). */
function useDeliveryLabel() {
  const tr = useT();
  return (o: ShippingOptionView) => {
    if (o.code === "standard" || o.code === "express")
      return { name: tr(`delivery.${o.code}` as MessageKey), hint: tr(`delivery.${o.code}Hint` as MessageKey) };
    return { name: o.name, hint: null };
  };
}

export default function CheckoutPage() {
  const { cart, provinces, deliveries, payments, groups, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  const errorText = useErrorText();
  const deliveryLabel = useDeliveryLabel();
  const [addressChoice, setAddressChoice] = useState(prefill?.addresses[0]?.id ?? NEW_ADDRESS);
  // What the shopper typed (after a refusal), else what their account fills in.
  const v = actionData?.values ?? prefilledValues(prefill, addressChoice);
  const filledBy = actionData ? "typed" : addressChoice;
  const e = actionData?.errors ?? {};
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      deliveries.map((d) => {
        const typed = v[deliveryField(d.key)];
        return [d.key, d.options.some((o) => o.id === typed) ? typed : (d.options[0]?.id ?? "")];
      })
    )
  );
  const [payment, setPayment] = useState(v.payment_provider ?? COD);
  const feeOf = (key: string) =>
    deliveries.find((d) => d.key === key)?.options.find((o) => o.id === chosen[key])?.amount ?? 0;
  const shippingTotal = deliveries.reduce((sum, d) => sum + feeOf(d.key), 0);
  const partName = (name: string | null) => name ?? tr("cart.producerUnknown");
  const formError =
    actionData?.formError && !isMessageKey(actionData.formError)
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
            <FormAlert message={formError} answer={actionData} />
          </div>
          <fieldset className="space-y-4" key={`contact-${filledBy}`}>
            <legend className="font-display text-xl font-bold">{tr("checkout.contact")}</legend>
            <FullNameField defaultValue={v.full_name} error={e.full_name} />
            <div className="grid gap-4 sm:grid-cols-2">
              <PhoneField hint={tr("checkout.phoneHint")} defaultValue={v.phone} error={e.phone} />
              <EmailField
                label={payment === COD ? "checkout.emailOptional" : "checkout.email"}
                required={payment !== COD}
                hint={tr("checkout.emailHint")}
                defaultValue={v.email}
                error={e.email}
              />
            </div>
          </fieldset>

          <fieldset className="space-y-4">
            <legend className="font-display text-xl font-bold">{tr("checkout.address")}</legend>
            <p className="text-sm text-ink-soft">{tr("checkout.addressNote")}</p>
            <SavedAddressPicker
              addresses={prefill?.addresses ?? []}
              chosen={addressChoice}
              onChoose={setAddressChoice}
            />
            <AddressFields
              key={`address-${filledBy}`}
              values={v}
              errors={e}
              provinces={provinces.map((p) => ({ value: p.code, label: p.name }))}
            />
          </fieldset>

          <section className="space-y-4" aria-labelledby="delivery-title">
            <h2 id="delivery-title" className="font-display text-xl font-bold">
              {tr("checkout.shipping")}
            </h2>
            {deliveries.length > 1 ? <p className="text-sm text-ink-soft">{tr("delivery.perProducerNote")}</p> : null}
            {deliveries.map((d) => (
              <fieldset key={d.key} className="space-y-2" data-testid="delivery">
                <legend className="font-medium">
                  {d.name ? tr("delivery.forProducer", { name: d.name }) : tr("delivery.forOther")}
                </legend>
                {d.options.length === 0 ? <p className="text-sm">{tr("checkout.noShipping")}</p> : null}
                {d.options.map((o) => {
                  const label = deliveryLabel(o);
                  return (
                    <RadioCard
                      key={o.id}
                      name={deliveryField(d.key)}
                      value={o.id}
                      checked={chosen[d.key] === o.id}
                      onChoose={() => setChosen((c) => ({ ...c, [d.key]: o.id }))}
                      centered
                    >
                      <span className="flex-1">
                        <span className="block">{label.name}</span>
                        {label.hint ? <span className="block text-sm text-ink-soft">{label.hint}</span> : null}
                      </span>
                      <span className="tabular-nums">{formatVnd(o.amount)}</span>
                    </RadioCard>
                  );
                })}
                {e[deliveryField(d.key)] ? (
                  <p className="text-sm font-medium text-lacquer-700">{errorText(e[deliveryField(d.key)])}</p>
                ) : null}
              </fieldset>
            ))}
          </section>

          <fieldset className="space-y-2">
            <legend className="font-display text-xl font-bold">{tr("checkout.payment")}</legend>
            {payments.map((p) => (
              <RadioCard
                key={p}
                name="payment_provider"
                value={p}
                checked={p === payment}
                onChoose={() => setPayment(p)}
              >
                <PaymentMethodLabel provider={p} />
              </RadioCard>
            ))}
            {e.payment_provider ? (
              <p className="text-sm font-medium text-lacquer-700">{errorText(e.payment_provider)}</p>
            ) : null}
          </fieldset>

          {/* The amounts sit right above the button at every width: nobody orders without seeing them. */}
          <section
            aria-labelledby="summary-title"
            className="rounded-2xl border border-clay bg-white p-5"
            data-testid="order-summary"
          >
            <h2 id="summary-title" className="font-display text-lg font-bold">
              {tr("summary.title")}
            </h2>
            <dl className="mt-3 space-y-2 text-sm">
              <AmountRow label={tr("cart.subtotal")} testId="summary-subtotal" className="gap-4">
                {formatVnd(cart.item_total)}
              </AmountRow>
              {deliveries.map((d) => (
                <AmountRow
                  key={d.key}
                  label={tr("summary.shippingOf", { name: partName(d.name) })}
                  testId="summary-shipping"
                  className="gap-4 text-ink-soft"
                >
                  {formatVnd(feeOf(d.key))}
                </AmountRow>
              ))}
              {deliveries.length > 1 ? (
                <AmountRow label={tr("summary.shippingTotal")} className="gap-4">
                  {formatVnd(shippingTotal)}
                </AmountRow>
              ) : null}
              <AmountRow label={tr("cart.total")} testId="summary-total" className={`gap-4 ${TOTAL_ROW} text-base`}>
                {formatVnd(cart.item_total + shippingTotal)}
              </AmountRow>
            </dl>
          </section>

          {/* With JavaScript the order is placed without a page reload; the button says it is under way. */}
          <Button
            type="submit"
            disabled={navigation.state !== "idle"}
            aria-busy={navigation.state === "submitting"}
            data-testid="place-order"
            className="w-full sm:w-auto"
          >
            {navigation.state === "submitting" ? tr("checkout.placing") : tr("checkout.placeOrder")}
          </Button>
        </Form>

        <aside className="h-fit space-y-4">
          <h2 className="font-display text-xl font-bold">{tr("checkout.summary")}</h2>
          <ProducerGroups groups={groups} editable={false} />
        </aside>
      </div>
    </Container>
  );
}
