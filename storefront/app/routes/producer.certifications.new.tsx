import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/Button";
import { FormAlert, SelectField, TextField } from "~/components/Field";
import { certificationSchema, parseForm } from "~/lib/forms";
import { useLang, useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { listGroups, listProvinces } from "~/lib/backend/reference-data.server";
import { asProducer, backendErrors, orNotFound, type PortalFormData } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";
import { refusalMessage } from "~/lib/backend/client.server";
import { getLang } from "~/lib/lang.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ products }, me, groups, provinces] = await Promise.all([
    asProducer(request, (token) => vendor.products(token, { limit: 100 })).then(orNotFound),
    asProducer(request, (token) => vendor.me(token)).then(orNotFound),
    listGroups(),
    listProvinces(),
  ]);
  return data(
    {
      products: products.map((p) => ({ value: p.id, label: p.title })),
      groups,
      provinces: provinces
        .map((p) => ({ value: String((p as { code?: unknown }).code ?? ""), label: p.name_vi }))
        .filter((p) => p.value),
      province_code: me.producer.province_code,
    },
    { headers: PRIVATE_HEADERS }
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(certificationSchema, form);
  if (!parsed.ok)
    return data<PortalFormData>({ ...parsed, formError: "form.fixErrors" }, { status: 400, headers: PRIVATE_HEADERS });
  const result = await asProducer(request, (token) =>
    vendor.submitCertification(token, { ...parsed.data, legal_basis: "148/QĐ-TTg" })
  );
  if (!result.ok) {
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const errors = backendErrors(result);
    return data<PortalFormData>(
      {
        errors,
        values,
        formError: Object.keys(errors).length ? "form.fixErrors" : refusalMessage(result, await getLang(request)),
      },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  throw redirect(`/producer/products/${encodeURIComponent(parsed.data.product_id)}`, { headers: PRIVATE_HEADERS });
}

export default function SubmitCertification() {
  const { products, groups, provinces, province_code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const tr = useT();
  const lang = useLang();
  const v = actionData?.values ?? {};
  const e = actionData?.errors ?? {};
  if (products.length === 0) return <p>{tr("certform.noProducts")}</p>;
  return (
    <section className="max-w-3xl">
      <h1 className="font-display text-2xl font-bold">{tr("certform.title")}</h1>
      <p className="mt-2 text-sm text-ink-soft">{tr("certform.intro")}</p>
      <Form method="post" noValidate className="mt-6 space-y-4">
        <FormAlert message={actionData?.formError} />
        <SelectField
          name="product_id"
          label={tr("certform.product")}
          required
          options={products}
          defaultValue={v.product_id ?? params.get("product_id") ?? products[0]?.value}
          error={e.product_id}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            name="stars"
            label={tr("cert.stars")}
            required
            options={[3, 4, 5].map((n) => ({ value: String(n), label: tr("stars.label", { n }) }))}
            defaultValue={v.stars ?? "3"}
            error={e.stars}
          />
          <TextField name="score" label={tr("cert.score")} inputMode="numeric" defaultValue={v.score} error={e.score} />
          <SelectField
            name="group_slug"
            label={tr("cert.group")}
            required
            placeholder={tr("checkout.choose")}
            options={groups.map((g) => ({ value: g.slug, label: lang === "vi" ? g.name_vi : g.name_en }))}
            defaultValue={v.group_slug}
            error={e.group_slug}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="certificate_number"
            label={tr("cert.certificateNumber")}
            required
            defaultValue={v.certificate_number}
            error={e.certificate_number}
          />
          <TextField
            name="issuing_authority"
            label={tr("cert.issuingAuthority")}
            required
            defaultValue={v.issuing_authority}
            error={e.issuing_authority}
          />
          <TextField
            name="decision_number"
            label={tr("cert.decisionNumber")}
            defaultValue={v.decision_number}
            error={e.decision_number}
          />
          <TextField
            name="decision_date"
            type="date"
            label={tr("cert.decisionDate")}
            defaultValue={v.decision_date}
            error={e.decision_date}
          />
          <TextField
            name="valid_from"
            type="date"
            label={tr("cert.validFrom")}
            defaultValue={v.valid_from}
            error={e.valid_from}
          />
          <TextField
            name="expires_at"
            type="date"
            label={tr("cert.validTo")}
            defaultValue={v.expires_at}
            error={e.expires_at}
          />
          <SelectField
            name="province_code"
            label={tr("cert.province")}
            required
            options={provinces}
            defaultValue={v.province_code ?? province_code}
            error={e.province_code}
          />
          <TextField
            name="traceability_code"
            label={tr("cert.traceability")}
            defaultValue={v.traceability_code}
            error={e.traceability_code}
          />
        </div>
        <TextField
          name="traceability_url"
          type="url"
          label={tr("certform.traceabilityUrl")}
          defaultValue={v.traceability_url}
          error={e.traceability_url}
        />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {tr("certform.submit")}
        </Button>
      </Form>
    </section>
  );
}
