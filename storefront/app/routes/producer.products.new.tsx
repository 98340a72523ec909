import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { ProductFields } from "~/components/producer/ProductFields";
import { keptValues, productCreateSchema } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { listGroups } from "~/lib/backend/reference-data.server";
import { getLang } from "~/lib/lang.server";
import { asProducer, localizedRefusal, type PortalFormData, refusedForm } from "~/lib/portal.server";
import { readProductForm } from "~/lib/producer-uploads.server";
import { PRIVATE_HEADERS, requireProducer } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProducer(request);
  return data({ groups: await listGroups() }, { headers: PRIVATE_HEADERS });
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireProducer(request);
  const lang = await getLang(request);
  const submitted = await readProductForm(request, token, lang, productCreateSchema);
  if (!submitted.ok) return refusedForm<PortalFormData>(submitted.refusal);
  const { form, data: product, images } = submitted;
  const result = await asProducer(request, (t) => vendor.createProduct(t, { ...product, images }));
  if (!result.ok) return refusedForm<PortalFormData>({ ...localizedRefusal(result, lang), values: keptValues(form) });
  throw redirect(`/producer/products/${result.data.product.id}?created=1`, { headers: PRIVATE_HEADERS });
}

export default function NewProduct() {
  const { groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  return (
    <section className="max-w-3xl">
      <h1 className="font-display text-2xl font-bold">{tr("pnav.newProduct")}</h1>
      <Form method="post" encType="multipart/form-data" noValidate className="mt-6 space-y-4">
        <FormAlert message={actionData?.formError} />
        <ProductFields values={actionData?.values ?? {}} errors={actionData?.errors ?? {}} groups={groups} />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {tr("vp.create")}
        </Button>
      </Form>
    </section>
  );
}
