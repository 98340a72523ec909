import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteError,
  useSearchParams,
} from "@remix-run/react";
import { Badge } from "~/components/Badge";
import { Button } from "~/components/Button";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { FormAlert, SelectField, TextArea, TextField } from "~/components/Field";
import { parseForm, productUpdateSchema } from "~/lib/forms";
import { formatDate, useLang, useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { statusKey } from "~/lib/ocop-display";
import { asProducer, backendErrors, orNotFound, type PortalFormData } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";
import { useReasonText, vndPriceOf } from "~/lib/producer-portal-display";
import { refusalMessage } from "~/lib/backend/client.server";
import { getLang } from "~/lib/lang.server";

/** Another producer's product is a 404 here, exactly as the backend answers it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { product } = orNotFound(await asProducer(request, (token) => vendor.product(token, params.id ?? "")));
  return data({ product }, { headers: PRIVATE_HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(productUpdateSchema, form);
  if (!parsed.ok)
    return data<PortalFormData & { saved?: boolean }>(
      { ...parsed, formError: "form.fixErrors" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  const result = await asProducer(request, (token) => vendor.updateProduct(token, params.id ?? "", parsed.data));
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  if (!result.ok) {
    if (result.status === 404) throw new Response(null, { status: 404, headers: PRIVATE_HEADERS });
    // e.g. publishing while uncertified: the backend's 400 says why.
    return data<PortalFormData & { saved?: boolean }>(
      { errors: backendErrors(result), values, formError: refusalMessage(result, await getLang(request)) },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  return data<PortalFormData & { saved?: boolean }>(
    { errors: {}, values: {}, saved: true },
    { headers: PRIVATE_HEADERS }
  );
}

export default function EditProduct() {
  const { product } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const tr = useT();
  const lang = useLang();
  const reasonText = useReasonText();
  const v = actionData?.values ?? {};
  const e = actionData?.errors ?? {};
  const listed = Boolean(product.product_listing?.listed);
  const reasons = product.product_listing?.blocked_reasons ?? [];
  const price = vndPriceOf(product);
  const formError =
    actionData?.formError && actionData.formError !== "form.fixErrors"
      ? tr("vp.publishRefused", { message: actionData.formError })
      : actionData?.formError;
  return (
    <section className="max-w-3xl">
      <Link to="/producer/products" className="text-sm text-lacquer-700 underline">
        {tr("vp.back")}
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="font-display text-2xl font-bold">{product.title}</h1>
        <Badge tone={listed ? "success" : "warning"}>{listed ? tr("vp.listed") : tr("vp.notListed")}</Badge>
      </div>
      {!listed && reasons.length > 0 ? (
        <p className="mt-2 text-sm text-lacquer-800" data-testid="blocked-reasons">
          {tr("vp.why")}: {reasons.map(reasonText).join("; ")}.
        </p>
      ) : null}
      <div className="mt-4 space-y-3">
        {params.get("created") && !actionData ? <FormAlert tone="success" message="vp.created" /> : null}
        {actionData?.saved ? <FormAlert tone="success" message="vp.saved" /> : null}
        <FormAlert message={formError} />
      </div>
      <Form method="post" noValidate className="mt-4 space-y-4">
        <TextField
          name="title"
          label={tr("vp.productTitle")}
          required
          defaultValue={v.title ?? product.title}
          error={e.title}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="price"
            label={tr("vp.price")}
            required
            inputMode="numeric"
            hint={tr("vp.priceHint")}
            defaultValue={v.price ?? (price !== null ? String(price) : "")}
            error={e.price}
          />
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
        </div>
        <TextArea
          name="description"
          label={tr("vp.description")}
          defaultValue={v.description ?? product.description ?? ""}
          error={e.description}
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
