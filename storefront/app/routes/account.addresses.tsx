import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { Button } from "~/components/Button";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { FormAlert } from "~/components/Field";
import { AddressFields, FullNameField, PhoneField } from "~/components/PersonFields";
import { asCustomer } from "~/lib/account.server";
import { addressSchema, toE164 } from "~/lib/account-forms";
import { addAddress, deleteAddress, listAddresses } from "~/lib/backend/customer.server";
import { provinceOptions } from "~/lib/backend/reference-data.server";
import { keptValues, parseForm, type FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { titleMeta } from "~/lib/meta";
import { localizedRefusal, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";
import { IntentForm } from "~/components/IntentForm";
import { BackLinkHeading } from "~/components/BackLinkHeading";

export const meta = titleMeta("account.addresses");
export const headers: HeadersFunction = () => PRIVATE_HEADERS;

const ADDRESS_CARD =
  "flex flex-wrap items-start justify-between gap-3 rounded-2xl border border-clay bg-white p-4 text-sm";

export async function loader({ request }: LoaderFunctionArgs) {
  const [addresses, provinces] = await Promise.all([
    asCustomer(request, listAddresses).then(orNotFound),
    provinceOptions(),
  ]);
  return data({ addresses, provinces }, { headers: PRIVATE_HEADERS });
}

type ActionData = { errors: FieldErrors; values: Record<string, string>; formError?: string; saved?: boolean };

// Posts come from this site only (the server checks Origin / Sec-Fetch-Site) and need the shopper's token.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  if (form.get("intent") === "delete") {
    const id = String(form.get("address_id") ?? "");
    const r = await asCustomer(request, (token) => deleteAddress(token, id));
    if (!r.ok) return data<ActionData>({ errors: {}, values: {}, formError: r.message }, { status: 400 });
    return data<ActionData>({ errors: {}, values: {}, saved: true }, { headers: PRIVATE_HEADERS });
  }
  const parsed = parseForm(addressSchema, form);
  if (!parsed.ok) {
    return data<ActionData>({ ...parsed, formError: "form.fixErrors" }, { status: 400, headers: PRIVATE_HEADERS });
  }
  const province = (await provinceOptions()).find((p) => p.value === parsed.data.province_code);
  if (!province) {
    return data<ActionData>(
      { errors: { province_code: "form.province" }, values: keptValues(form), formError: "form.fixErrors" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  const r = await asCustomer(request, (token) =>
    addAddress(token, {
      ...parsed.data,
      phone: toE164(parsed.data.phone),
      province_name: province.label,
    })
  );
  if (!r.ok) {
    return data<ActionData>(
      { ...localizedRefusal(r, await getLang(request)), values: keptValues(form) },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  return data<ActionData>({ errors: {}, values: {}, saved: true }, { headers: PRIVATE_HEADERS });
}

export default function AddressesPage() {
  const { addresses, provinces } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const tr = useT();
  const v = actionData?.saved ? {} : (actionData?.values ?? {});
  const e = actionData?.errors ?? {};
  return (
    <Container className="max-w-3xl py-8 sm:py-12">
      <BackLinkHeading to="/account" back={<>← {tr("account.title")}</>}>
        {tr("account.addresses")}
      </BackLinkHeading>
      {addresses.length === 0 ? (
        <p className="mt-2 text-sm text-ink-soft">{tr("account.noAddresses")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {addresses.map((a) => (
            <li key={a.id} className={ADDRESS_CARD} data-testid="saved-address">
              <span>
                <strong>{a.full_name}</strong>
                {a.phone ? <> · {a.phone}</> : null}
                <br />
                {[a.address, a.ward, a.province].filter(Boolean).join(", ")}
              </span>
              <IntentForm intent="delete" fields={{ address_id: a.id }}>
                <Button type="submit" variant="ghost">
                  {tr("account.deleteAddress")}
                </Button>
              </IntentForm>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-8 font-display text-xl font-bold">{tr("account.addAddress")}</h2>
      <Form method="post" noValidate className="mt-4 space-y-4" key={addresses.length}>
        <FormAlert message={actionData?.formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <FullNameField defaultValue={v.full_name} error={e.full_name} />
          <PhoneField defaultValue={v.phone} error={e.phone} />
        </div>
        <AddressFields values={v} errors={e} provinces={provinces} streetLabel="checkout.address" />
        <Button type="submit">{tr("account.saveAddress")}</Button>
      </Form>
    </Container>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
