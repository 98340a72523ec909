import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button, buttonClasses } from "~/components/Button";
import { FormAlert, TextField } from "~/components/Field";
import { type FieldErrors, loginSchema, parseForm, passwordEmailProblem, passwordProblem } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { asCurator, localizedRefusal, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

/** The backend's password rules, said in the page's language before anything is sent. */
const inviteSchema = loginSchema.superRefine((v, ctx) => {
  const problem = passwordProblem(v.password) ?? passwordEmailProblem(v.password, v.email);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { curators } = orNotFound(await asCurator(request, (token) => tradeCenter.curators(token)));
  return data({ curators }, { headers: PRIVATE_HEADERS });
}

type ActionData = {
  errors: FieldErrors;
  values: Record<string, string>;
  formError?: string;
  invited?: string;
  removed?: boolean;
  confirmRemove?: { id: string; email: string };
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "remove" || intent === "remove-confirmed") {
    const id = z.string().min(1).safeParse(form.get("id"));
    if (!id.success) throw new Response(null, { status: 400, headers: PRIVATE_HEADERS });
    if (intent === "remove") {
      const email = String(form.get("email") ?? "");
      return data<ActionData>(
        { errors: {}, values: {}, confirmRemove: { id: id.data, email } },
        { headers: PRIVATE_HEADERS }
      );
    }
    const result = await asCurator(request, (token) => tradeCenter.removeCurator(token, id.data));
    if (!result.ok) {
      const refusal = localizedRefusal(result, await getLang(request));
      return data<ActionData>({ ...refusal, values: {} }, { status: result.status, headers: PRIVATE_HEADERS });
    }
    return data<ActionData>({ errors: {}, values: {}, removed: true }, { headers: PRIVATE_HEADERS });
  }
  const parsed = parseForm(inviteSchema, form);
  if (!parsed.ok) {
    return data<ActionData>(
      { errors: parsed.errors, values: { email: parsed.values.email ?? "" } },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  const result = await asCurator(request, (token) =>
    tradeCenter.inviteCurator(token, parsed.data.email, parsed.data.password)
  );
  if (!result.ok) {
    const refusal = localizedRefusal(result, await getLang(request));
    return data<ActionData>(
      { ...refusal, values: { email: parsed.data.email } },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  return data<ActionData>({ errors: {}, values: {}, invited: parsed.data.email }, { headers: PRIVATE_HEADERS });
}

/** The centre's logins: invite a colleague, remove one (asked twice; never one's own). */
export default function Team() {
  const { curators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const tr = useT();
  const busy = navigation.state !== "idle";
  return (
    <section className="max-w-3xl">
      <h1 className="font-display text-2xl font-bold">{tr("tc.team")}</h1>
      <p className="mt-1 text-sm text-ink-soft">{tr("tc.teamIntro")}</p>
      {actionData?.invited ? (
        <div className="mt-4">
          <FormAlert tone="success" message={tr("tc.invited", { email: actionData.invited })} />
        </div>
      ) : null}
      {actionData?.removed ? (
        <div className="mt-4">
          <FormAlert tone="success" message={tr("tc.removed")} />
        </div>
      ) : null}
      <ul className="mt-6 divide-y divide-clay/60 rounded-2xl border border-clay bg-white" data-testid="tc-team">
        {curators.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <span className="min-w-0 flex-1 break-all">{c.email ?? "—"}</span>
            {c.is_you ? (
              <span className="rounded-full bg-paper-deep px-2 py-0.5 text-xs font-semibold">{tr("tc.you")}</span>
            ) : actionData?.confirmRemove?.id === c.id ? (
              <Form method="post" className="flex w-full flex-wrap items-center gap-2" data-testid="tc-confirm">
                <p className="w-full text-sm font-semibold">{tr("tc.removeConfirm", { email: c.email ?? "" })}</p>
                <input type="hidden" name="intent" value="remove-confirmed" />
                <input type="hidden" name="id" value={c.id} />
                <Button type="submit" disabled={busy}>
                  {tr("tc.removeConfirmButton")}
                </Button>
                <Link to="." className={buttonClasses("secondary")}>
                  {tr("tc.cancel")}
                </Link>
              </Form>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={c.id} />
                <input type="hidden" name="email" value={c.email ?? ""} />
                <Button type="submit" variant="secondary">
                  {tr("tc.remove")}
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {actionData?.formError && !actionData.invited ? (
        <div className="mt-4">
          <FormAlert message={actionData.formError} />
        </div>
      ) : null}
      <h2 className="mt-8 font-display text-lg font-bold">{tr("tc.invite")}</h2>
      <Form method="post" noValidate className="mt-3 grid gap-4 sm:grid-cols-2" key={actionData?.invited ?? "invite"}>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          name="email"
          type="email"
          label={tr("tc.inviteEmail")}
          required
          autoComplete="off"
          defaultValue={actionData?.values.email}
          error={actionData?.errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={tr("tc.invitePassword")}
          required
          autoComplete="new-password"
          hint={tr("tc.invitePasswordHint")}
          error={actionData?.errors.password}
        />
        <div>
          <Button type="submit" disabled={busy}>
            {tr("tc.invite")}
          </Button>
        </div>
      </Form>
    </section>
  );
}
