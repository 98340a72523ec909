import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { FormAlert, TextArea, TextField } from "~/components/Field";
import { parseForm, productCreateSchema } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { asProducer, backendErrors, type PortalFormData } from "~/lib/portal.server";
import { PRIVATE_HEADERS, requireProducer } from "~/lib/session.server";
import { refusalMessage } from "~/lib/backend/client.server";
import { getLang } from "~/lib/lang.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProducer(request);
  return data({}, { headers: PRIVATE_HEADERS });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(productCreateSchema, form);
  if (!parsed.ok)
    return data<PortalFormData>({ ...parsed, formError: "form.fixErrors" }, { status: 400, headers: PRIVATE_HEADERS });
  const result = await asProducer(request, (token) => vendor.createProduct(token, parsed.data));
  if (!result.ok) {
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    return data<PortalFormData>(
      { errors: backendErrors(result), values, formError: refusalMessage(result, await getLang(request)) },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  throw redirect(`/producer/products/${result.data.product.id}?created=1`, { headers: PRIVATE_HEADERS });
}

export default function NewProduct() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  const v = actionData?.values ?? {};
  const e = actionData?.errors ?? {};
  return (
    <section className="max-w-2xl">
      <h1 className="font-display text-2xl font-bold">{tr("pnav.newProduct")}</h1>
      <Form method="post" noValidate className="mt-6 space-y-4">
        <FormAlert message={actionData?.formError} />
        <TextField name="title" label={tr("vp.productTitle")} required defaultValue={v.title} error={e.title} />
        <TextField
          name="title_en"
          label={`${tr("vp.titleEn")} (${tr("form.optional")})`}
          defaultValue={v.title_en}
          error={e.title_en}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="price"
            label={tr("vp.price")}
            required
            inputMode="numeric"
            hint={tr("vp.priceHint")}
            defaultValue={v.price}
            error={e.price}
          />
          <TextField name="unit" label={tr("vp.unit")} defaultValue={v.unit} error={e.unit} />
        </div>
        <TextArea name="description" label={tr("vp.description")} defaultValue={v.description} error={e.description} />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {tr("vp.create")}
        </Button>
      </Form>
    </section>
  );
}
