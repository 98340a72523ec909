import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { FormAlert, TextArea, TextField } from "~/components/Field";
import { parseForm, profileSchema } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import { asProducer, backendErrors, orNotFound, type PortalFormData } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";
import { producerStatusKey } from "~/lib/producer-portal-display";
import { refusalMessage } from "~/lib/backend/client.server";
import { getLang } from "~/lib/lang.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = orNotFound(await asProducer(request, (token) => vendor.me(token)));
  return data({ producer }, { headers: PRIVATE_HEADERS });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(profileSchema, form);
  if (!parsed.ok)
    return data<PortalFormData & { saved?: boolean }>(
      { ...parsed, formError: "form.fixErrors" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  const d = parsed.data;
  const result = await asProducer(request, (token) =>
    vendor.updateMe(token, {
      name: d.name,
      phone: d.phone,
      ward: d.ward || null,
      address: d.address || null,
      story: d.story || null,
    })
  );
  if (!result.ok) {
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
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

export default function ProducerProfile() {
  const { producer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  const v = actionData?.values ?? {};
  const e = actionData?.errors ?? {};
  const sk = producerStatusKey(producer.status);
  return (
    <section className="max-w-2xl">
      <h1 className="font-display text-2xl font-bold">{tr("pnav.profile")}</h1>
      <p className="mt-2 text-sm">
        {tr("pp.status")}: <strong>{sk ? tr(sk) : producer.status}</strong> ·{" "}
        {tr(`entity.${producer.entity_type}` as never)} · {producer.email}
      </p>
      <Form method="post" noValidate className="mt-6 space-y-4">
        {actionData?.saved ? <FormAlert tone="success" message="pp.saved" /> : null}
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
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {tr("vp.save")}
        </Button>
      </Form>
    </section>
  );
}
