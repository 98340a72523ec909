import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/Button";
import { FileField, FormAlert, TextArea, TextField } from "~/components/Field";
import { keptValues, parseForm, profileSchema } from "~/lib/forms";
import { useFormAnswer } from "~/lib/form-answer";
import { useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { publicFileSrc } from "~/lib/file-url";
import { getLang } from "~/lib/lang.server";
import { asProducer, localizedRefusal, orNotFound, type PortalFormData } from "~/lib/portal.server";
import { readPortalForm, uploadAll } from "~/lib/producer-uploads.server";
import { PRIVATE_HEADERS, requireProducer } from "~/lib/session.server";
import { producerStatusKey } from "~/lib/producer-portal-display";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = orNotFound(await asProducer(request, (token) => vendor.me(token)));
  return data({ producer }, { headers: PRIVATE_HEADERS });
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireProducer(request);
  const lang = await getLang(request);
  const { form, tooLarge } = await readPortalForm(request);
  if (tooLarge)
    return data<PortalFormData & { saved?: boolean }>(
      { errors: { logo: "pu.tooLarge" }, values: {}, formError: "form.fixErrors" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  const parsed = parseForm(profileSchema, form);
  if (!parsed.ok)
    return data<PortalFormData & { saved?: boolean }>(
      { ...parsed, formError: "form.fixErrors" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  const d = parsed.data;
  const logo = await uploadAll(token, form, "logo", "logo", lang);
  if (!logo.ok)
    return data<PortalFormData & { saved?: boolean }>(
      { errors: { logo: logo.error }, values: keptValues(form), formError: "form.fixErrors" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  const result = await asProducer(request, (t) =>
    vendor.updateMe(t, {
      name: d.name,
      phone: d.phone,
      ward: d.ward || null,
      address: d.address || null,
      story: d.story || null,
      ...(logo.ids[0] ? { logo_upload_id: logo.ids[0] } : {}),
    })
  );
  if (!result.ok) {
    return data<PortalFormData & { saved?: boolean }>(
      { ...localizedRefusal(result, lang), values: keptValues(form) },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  return data<PortalFormData & { saved?: boolean }>(
    { errors: {}, values: {}, saved: true },
    { headers: PRIVATE_HEADERS }
  );
}

export default function ProducerProfile() {
  const { producer } = useLoaderData<typeof loader>();
  const { answer: actionData, values: v, errors: e } = useFormAnswer<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  const sk = producerStatusKey(producer.status);
  const [params] = useSearchParams();
  const logoSrc = publicFileSrc(producer.logo_url);
  return (
    <section className="max-w-2xl">
      <h1 className="font-display text-2xl font-bold">{tr("pnav.profile")}</h1>
      <p className="mt-2 text-sm">
        {tr("pp.status")}: <strong>{sk ? tr(sk) : producer.status}</strong> ·{" "}
        {tr(`entity.${producer.entity_type}` as never)} · {producer.email}
      </p>
      <Form method="post" encType="multipart/form-data" noValidate className="mt-6 space-y-4">
        {actionData?.saved ? <FormAlert tone="success" message="pp.saved" /> : null}
        {params.get("logo") === "refused" && !actionData ? <FormAlert message="pu.logoRefused" /> : null}
        <FormAlert message={actionData?.formError} />
        <TextField
          name="name"
          label={tr("producer.name")}
          required
          defaultValue={v.name ?? producer.name}
          error={e.name}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="phone"
            type="tel"
            label={tr("checkout.phone")}
            required
            defaultValue={v.phone ?? producer.phone ?? ""}
            error={e.phone}
          />
          <TextField
            name="ward"
            label={tr("checkout.ward")}
            defaultValue={v.ward ?? producer.ward ?? ""}
            error={e.ward}
          />
        </div>
        <TextField
          name="address"
          label={tr("checkout.street")}
          defaultValue={v.address ?? producer.address ?? ""}
          error={e.address}
        />
        <TextArea
          name="story"
          label={tr("producer.story")}
          rows={6}
          defaultValue={v.story ?? producer.story ?? ""}
          error={e.story}
        />
        <div className="flex items-center gap-4">
          {logoSrc ? (
            <img
              src={logoSrc}
              alt={tr("pu.currentLogo")}
              data-testid="producer-logo"
              className="h-20 w-20 rounded-lg border border-clay object-contain"
            />
          ) : null}
          <FileField
            name="logo"
            label={tr("pu.logo")}
            hint={tr("pu.logoHint")}
            accept="image/jpeg,image/png,image/webp"
            error={e.logo}
            className="flex-1"
          />
        </div>
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {tr("vp.save")}
        </Button>
      </Form>
    </section>
  );
}
