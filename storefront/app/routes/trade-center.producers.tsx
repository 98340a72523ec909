import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { publicFileSrc } from "~/lib/file-url";
import { type MessageKey, useT } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { asCurator, localizedRefusal, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { producers } = orNotFound(await asCurator(request, (token) => tradeCenter.pendingProducers(token)));
  return data({ producers }, { headers: PRIVATE_HEADERS });
}

type ActionData = { approved?: string; formError?: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const id = z.string().min(1).safeParse(form.get("id"));
  if (!id.success) throw new Response(null, { status: 400, headers: PRIVATE_HEADERS });
  const result = await asCurator(request, (token) => tradeCenter.approveProducer(token, id.data));
  if (!result.ok) {
    const { formError } = localizedRefusal(result, await getLang(request));
    return data<ActionData>({ formError }, { status: result.status, headers: PRIVATE_HEADERS });
  }
  return data<ActionData>({ approved: result.data.producer.name }, { headers: PRIVATE_HEADERS });
}

/** The province's producers that signed up and wait for the centre's approval (pending → active). */
export default function PendingProducers() {
  const { producers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  return (
    <section className="max-w-3xl">
      <h1 className="font-display text-2xl font-bold">{tr("tp.title")}</h1>
      <p className="mt-1 text-sm text-ink-soft">{tr("tp.intro")}</p>
      <div className="mt-4 space-y-3">
        {actionData?.approved ? (
          <FormAlert tone="success" message={tr("tp.approved", { name: actionData.approved })} />
        ) : null}
        <FormAlert message={actionData?.formError} />
      </div>
      {producers.length === 0 ? <p className="mt-6">{tr("tp.empty")}</p> : null}
      <ul className="mt-6 divide-y divide-clay/60 rounded-2xl border border-clay bg-white">
        {producers.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-4 p-4" data-testid="tc-pending-producer">
            {p.logo_url ? (
              <img src={publicFileSrc(p.logo_url) ?? ""} alt="" className="h-12 w-12 rounded-lg object-cover" />
            ) : null}
            <div className="min-w-0 flex-1">
              <p className="font-semibold">{p.name}</p>
              <p className="text-sm text-ink-soft">
                {tr(`entity.${p.entity_type}` as MessageKey)}
                {p.ward ? <> · {p.ward}</> : null}
                {p.phone ? <> · {p.phone}</> : null}
                {p.email ? <> · {p.email}</> : null}
              </p>
            </div>
            <Form method="post">
              <input type="hidden" name="id" value={p.id} />
              <Button type="submit" disabled={navigation.state !== "idle"}>
                {tr("tp.approve")}
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
