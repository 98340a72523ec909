import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/Button";
import { FileField, FormAlert, SelectField, TextField } from "~/components/Field";
import { certificationSchema, keptValues, parseForm, submittedField } from "~/lib/forms";
import { useFormAnswer } from "~/lib/form-answer";
import { useLang, useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { listGroups, listProvinces } from "~/lib/backend/reference-data.server";
import { getLang } from "~/lib/lang.server";
import { asProducer, localizedRefusal, orNotFound, type PortalFormData, refusedForm } from "~/lib/portal.server";
import { filesIn, readPortalForm, uploadAll } from "~/lib/producer-uploads.server";
import { PRIVATE_HEADERS, requireProducer } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ products }, me, groups, provinces] = await Promise.all([
    asProducer(request, (token) => vendor.products(token, { limit: 100 })).then(orNotFound),
    asProducer(request, (token) => vendor.me(token)).then(orNotFound),
    listGroups(),
    listProvinces(),
  ]);
  const own = provinces.find((p) => String((p as { code?: unknown }).code ?? "") === me.producer.province_code);
  return data(
    {
      products: products.map((p) => ({ value: p.id, label: p.title, group: String(p.metadata?.group_slug ?? "") })),
      groups,
      // Shown, not chosen: the producer's own province decides (the backend refuses another).
      province: own ? { name_vi: own.name_vi, type: (own as { type?: string }).type ?? "province" } : null,
    },
    { headers: PRIVATE_HEADERS }
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireProducer(request);
  const lang = await getLang(request);
  const { form, tooLarge } = await readPortalForm(request);
  if (tooLarge)
    return refusedForm<PortalFormData>({ errors: { scan: "pu.tooLarge" }, values: {}, formError: "form.fixErrors" });
  const parsed = parseForm(certificationSchema, form);
  const scanMissing = filesIn(form, "scan").length === 0;
  if (!parsed.ok || scanMissing) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(scanMissing ? { scan: "pu.required" } : {}) };
    return refusedForm<PortalFormData>({ errors, values: keptValues(form), formError: "form.fixErrors" });
  }
  const scan = await uploadAll(token, form, "scan", "certificate_scan", lang);
  if (!scan.ok)
    return refusedForm<PortalFormData>({
      errors: { scan: scan.error },
      values: keptValues(form),
      formError: "form.fixErrors",
    });
  const result = await asProducer(request, (t) =>
    vendor.submitCertification(t, { ...parsed.data, scan_upload_id: scan.ids[0], legal_basis: "148/QĐ-TTg" })
  );
  if (!result.ok) return refusedForm<PortalFormData>({ ...localizedRefusal(result, lang), values: keptValues(form) });
  const { certification } = result.data;
  const to = new URLSearchParams({ submitted: certification.certificate_number ?? certification.id });
  throw redirect(`/producer/products/${encodeURIComponent(parsed.data.product_id)}?${to}`, {
    headers: PRIVATE_HEADERS,
  });
}

export default function SubmitCertification() {
  const { products, groups, province } = useLoaderData<typeof loader>();
  const { answer: actionData, values: v, errors: e } = useFormAnswer<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const tr = useT();
  const lang = useLang();
  const field = submittedField(v, e);
  if (products.length === 0) return <p>{tr("certform.noProducts")}</p>;
  const productId = v.product_id ?? params.get("product_id") ?? products[0]?.value;
  const committee = province ? `UBND ${province.type === "city" ? "thành phố" : "tỉnh"} ${province.name_vi}` : "—";
  return (
    <section className="max-w-3xl">
      <h1 className="font-display text-2xl font-bold">{tr("certform.title")}</h1>
      <p className="mt-2 text-sm text-ink-soft">{tr("certform.intro")}</p>
      <Form method="post" encType="multipart/form-data" noValidate className="mt-6 space-y-4">
        <FormAlert message={actionData?.formError} />
        <SelectField
          {...field("product_id")}
          label={tr("certform.product")}
          required
          options={products}
          defaultValue={productId}
        />
        <dl className="grid gap-4 rounded-lg border border-clay bg-paper-deep/40 p-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium">{tr("pc.province")}</dt>
            <dd data-testid="cert-province" className="mt-1 text-base font-semibold">
              {province?.name_vi ?? "—"}
            </dd>
            <dd className="mt-1 text-ink-soft">{tr("pc.provinceNote")}</dd>
          </div>
          <div>
            <dt className="font-medium">{tr("pc.authority")}</dt>
            <dd className="mt-1 text-ink-soft">{tr("pc.authorityRule", { province: committee })}</dd>
            <dd className="mt-1 text-ink-soft">{tr("pc.validityNote")}</dd>
          </div>
        </dl>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            {...field("stars")}
            label={tr("cert.stars")}
            required
            options={[3, 4, 5].map((n) => ({ value: String(n), label: tr("stars.label", { n }) }))}
            defaultValue={v.stars ?? "3"}
          />
          <TextField {...field("score")} label={tr("cert.score")} inputMode="numeric" />
          <SelectField
            {...field("group_slug")}
            label={tr("cert.group")}
            required
            placeholder={tr("checkout.choose")}
            options={groups.map((g) => ({ value: g.slug, label: lang === "vi" ? g.name_vi : g.name_en }))}
            defaultValue={v.group_slug ?? products.find((p) => p.value === productId)?.group}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("certificate_number")} label={tr("cert.certificateNumber")} required />
          <TextField {...field("decision_number")} label={tr("cert.decisionNumber")} />
          <TextField {...field("decision_date")} type="date" label={tr("cert.decisionDate")} />
          <TextField {...field("traceability_code")} label={tr("cert.traceability")} />
        </div>
        <TextField {...field("traceability_url")} type="url" label={tr("certform.traceabilityUrl")} />
        <FileField
          name="scan"
          label={tr("pc.scan")}
          hint={tr("pc.scanHint")}
          required
          accept="image/jpeg,image/png,image/webp,application/pdf"
          error={e.scan ?? e.scan_upload_id ?? e.issuing_authority}
        />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {tr("certform.submit")}
        </Button>
      </Form>
    </section>
  );
}
