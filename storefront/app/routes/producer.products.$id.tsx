import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { ListedBadge, WhyNotListed } from "~/components/producer/ListingStatus";
import { Button } from "~/components/Button";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { FormAlert, SelectField } from "~/components/Field";
import { ProductFields } from "~/components/producer/ProductFields";
import { keptValues, productUpdateSchema } from "~/lib/forms";
import { useFormAnswer } from "~/lib/form-answer";
import { formatDate, useLang, useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { listGroups } from "~/lib/backend/reference-data.server";
import { getLang } from "~/lib/lang.server";
import { publicFileSrc } from "~/lib/file-url";
import { formatVnd } from "~/lib/money";
import { statusKey } from "~/lib/ocop-display";
import { asProducer, localizedRefusal, orNotFound, type PortalFormData, refusedForm } from "~/lib/portal.server";
import { readProductForm } from "~/lib/producer-uploads.server";
import { PRIVATE_HEADERS, requireProducer } from "~/lib/session.server";
import { vndPriceOf } from "~/lib/producer-portal-display";

/** Another producer's product is a 404 here, exactly as the backend answers it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [{ product }, groups] = await Promise.all([
    asProducer(request, (token) => vendor.product(token, params.id ?? "")).then(orNotFound),
    listGroups(),
  ]);
  return data({ product, groups }, { headers: PRIVATE_HEADERS });
}

type EditResult = PortalFormData & { saved?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireProducer(request);
  const lang = await getLang(request);
  const submitted = await readProductForm(request, token, lang, productUpdateSchema);
  if (!submitted.ok) return refusedForm<EditResult>(submitted.refusal);
  const { form, data: d, images } = submitted;
  const body = {
    ...d,
    // Cleared fields are sent as null so the backend clears them (an absent field means unchanged).
    title_en: d.title_en ?? null,
    description_en: d.description_en ?? null,
    unit: d.unit ?? null,
    weight: d.weight ?? null,
    group_slug: d.group_slug ?? null,
    subgroup_slug: d.subgroup_slug ?? null,
    description: d.description ?? "",
    images,
  };
  const result = await asProducer(request, (t) => vendor.updateProduct(t, params.id ?? "", body));
  if (!result.ok) {
    if (result.status === 404) throw new Response(null, { status: 404, headers: PRIVATE_HEADERS });
    // e.g. publishing while uncertified: the backend's 400 says why, in the page's language.
    return refusedForm<EditResult>({ ...localizedRefusal(result, lang), values: keptValues(form) });
  }
  return data<EditResult>({ errors: {}, values: {}, saved: true }, { headers: PRIVATE_HEADERS });
}

export default function EditProduct() {
  const { product, groups } = useLoaderData<typeof loader>();
  const { answer: actionData, values: v, errors: e } = useFormAnswer<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const tr = useT();
  const lang = useLang();
  const listed = Boolean(product.product_listing?.listed);
  const reasons = product.product_listing?.blocked_reasons ?? [];
  const price = vndPriceOf(product);
  const stock = product.variants?.[0]?.stock ?? null;
  // A refusal of the backend (e.g. publishing while uncertified) is introduced as "could not save".
  const formError =
    actionData?.formError && actionData.formError !== "form.fixErrors"
      ? tr("vp.publishRefused", { message: actionData.formError })
      : actionData?.formError;
  const meta = (key: string) =>
    typeof product.metadata?.[key] === "string" ? String(product.metadata[key]) : undefined;
  const current: Record<string, string | undefined> = {
    title: product.title,
    title_en: meta("title_en"),
    description: product.description ?? "",
    description_en: meta("description_en"),
    unit: meta("unit"),
    weight: product.weight ? String(product.weight) : undefined,
    group_slug: meta("group_slug"),
    subgroup_slug: meta("subgroup_slug"),
    price: price !== null ? formatVnd(price) : "",
    stock: stock?.tracked ? String(stock.stocked) : undefined,
  };
  const stockHint = !stock?.tracked
    ? tr("ps.notTracked")
    : tr("ps.stockNow", { reserved: stock.reserved, available: stock.available ?? 0 });
  const photos = [...(product.images ?? [])].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const submitted = params.get("submitted");
  return (
    <section className="max-w-3xl">
      <Link to="/producer/products" className="text-sm text-lacquer-700 underline">
        {tr("vp.back")}
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="font-display text-2xl font-bold">{product.title}</h1>
        <ListedBadge listed={listed} />
      </div>
      <WhyNotListed listed={listed} reasons={reasons} className="mt-2" />
      <div className="mt-4 space-y-3">
        {params.get("created") && !actionData ? <FormAlert tone="success" message="vp.created" /> : null}
        {submitted && !actionData ? (
          <FormAlert tone="success" message={tr("pc.submitted", { number: submitted })} />
        ) : null}
        {actionData?.saved ? <FormAlert tone="success" message="vp.saved" /> : null}
        <FormAlert message={formError} />
      </div>
      <Form method="post" encType="multipart/form-data" noValidate className="mt-4 space-y-4">
        <ProductFields values={{ ...current, ...v }} errors={e} groups={groups} photos={photos} stockHint={stockHint} />
        <SelectField
          name="status"
          label={tr("vp.status")}
          options={[
            { value: "draft", label: tr("pstate.draft") },
            { value: "published", label: tr("pstate.published") },
          ]}
          defaultValue={v.status ?? (product.status === "published" ? "published" : "draft")}
          error={e.status}
        />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {tr("vp.save")}
        </Button>
      </Form>

      <h2 className="mt-10 font-display text-xl font-bold">{tr("vp.certifications")}</h2>
      {(product.certifications ?? []).length === 0 ? <p className="mt-2 text-sm">{tr("vp.noCertifications")}</p> : null}
      <ul className="mt-2 space-y-2">
        {(product.certifications ?? []).map((c) => (
          <li key={c.id} className="rounded-lg border border-clay bg-white px-4 py-3 text-sm">
            <span className="font-semibold">{tr("stars.badge", { n: c.stars })}</span> · {c.certificate_number ?? "—"} ·{" "}
            {tr(statusKey(c.status as Parameters<typeof statusKey>[0]))}
            {c.expires_at ? (
              <>
                {" "}
                · {tr("cert.validTo")} {formatDate(c.expires_at, lang)}
              </>
            ) : null}
            {c.issuing_authority ? <> · {c.issuing_authority}</> : null}
            {c.scan_url ? (
              <>
                {" "}
                ·{" "}
                <a
                  href={publicFileSrc(c.scan_url) ?? "#"}
                  className="text-lacquer-700 underline"
                  target="_blank"
                  rel="noreferrer"
                >
                  {tr("pc.viewScan")}
                </a>
              </>
            ) : null}
            {c.reason && ["rejected", "suspended", "revoked"].includes(c.status) ? (
              <p className="mt-1 text-lacquer-800" data-testid="curator-reason">
                {tr("pd.curatorReason", { reason: c.reason })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <Link
        to={`/producer/certifications/new?product_id=${encodeURIComponent(product.id)}`}
        className="mt-4 inline-block text-sm font-medium text-lacquer-700 underline"
      >
        {tr("vp.submitCert")}
      </Link>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
