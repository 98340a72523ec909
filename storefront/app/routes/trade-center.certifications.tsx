import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/Button";
import { FormAlert, useErrorText } from "~/components/Field";
import { CERTIFICATION_ACTIONS, decisionSchema, parseForm } from "~/lib/forms";
import { formatDate, useLang, useT, type MessageKey } from "~/lib/i18n";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { statusKey } from "~/lib/ocop-display";
import { asCurator, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

const STATUSES = ["submitted", "approved", "rejected", "expired", "revoked", "suspended"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const wanted = new URL(request.url).searchParams.get("status") ?? "submitted";
  const status = (STATUSES as readonly string[]).includes(wanted) ? wanted : undefined;
  const { certifications } = orNotFound(await asCurator(request, (token) => tradeCenter.certifications(token, status)));
  return data({ certifications, status: status ?? "" }, { headers: PRIVATE_HEADERS });
}

type ActionData = {
  id: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
  done?: string;
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(decisionSchema, form);
  const id = String(form.get("certification_id") ?? "");
  if (!parsed.ok) return data<ActionData>({ id, ...parsed }, { status: 400, headers: PRIVATE_HEADERS });
  const { certification_id, action: act, reason } = parsed.data;
  const result = await asCurator(request, (token) =>
    tradeCenter.decide(token, certification_id, act, reason || undefined)
  );
  if (!result.ok) {
    return data<ActionData>(
      {
        id,
        errors: result.errors.reason ? { reason: result.errors.reason } : {},
        values: parsed.ok ? { reason, action: act } : {},
        formError: result.message,
      },
      { status: result.status === 403 ? 403 : 400, headers: PRIVATE_HEADERS }
    );
  }
  return data<ActionData>({ id, errors: {}, values: {}, done: act }, { headers: PRIVATE_HEADERS });
}

export default function Certifications() {
  const { certifications, status } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const tr = useT();
  const lang = useLang();
  const errorText = useErrorText();
  return (
    <section>
      <h1 className="font-display text-2xl font-bold">{tr("tc.certifications")}</h1>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <label htmlFor="status" className="text-sm font-medium">
          {tr("tc.filter")}
        </label>
        <select
          id="status"
          name="status"
          defaultValue={params.get("status") ?? status}
          className="rounded-lg border border-clay bg-white px-3 py-2 text-sm"
        >
          <option value="all">{tr("tc.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {tr(statusKey(s))}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary">
          {tr("tc.filterSubmit")}
        </Button>
      </Form>
      {actionData?.done ? (
        <div className="mt-4">
          <FormAlert
            tone="success"
            message={tr("tc.done", { action: tr(`action.${actionData.done}` as MessageKey) })}
          />
        </div>
      ) : null}
      {certifications.length === 0 ? <p className="mt-6">{tr("tc.empty")}</p> : null}
      <ul className="mt-6 space-y-4">
        {certifications.map((c) => {
          const mine = actionData && actionData.id === c.id && !actionData.done ? actionData : null;
          return (
            <li key={c.id} className="rounded-2xl border border-clay bg-white p-5" data-testid="tc-certification">
              <div className="flex flex-wrap items-center gap-3">
                <h2 className="font-semibold">{tr("stars.badge", { n: c.stars })}</h2>
                <span className="text-sm">{c.certificate_number ?? "—"}</span>
                <span className="rounded-full bg-paper-deep px-2 py-0.5 text-xs font-semibold">
                  {tr(statusKey(c.status as Parameters<typeof statusKey>[0]))}
                </span>
              </div>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                <div>
                  <dt className="inline text-ink-soft">{tr("tc.product")}: </dt>
                  <dd className="inline">
                    {c.product?.title ?? <span className="font-mono text-xs">{c.product_id}</span>}
                    {c.producer ? ` — ${c.producer.name}` : ""}
                  </dd>
                </div>
                <div>
                  <dt className="inline text-ink-soft">{tr("cert.issuingAuthority")}: </dt>
                  <dd className="inline">{c.issuing_authority ?? "—"}</dd>
                </div>
                <div>
                  <dt className="inline text-ink-soft">{tr("cert.score")}: </dt>
                  <dd className="inline">{c.score ?? "—"}</dd>
                </div>
                <div>
                  <dt className="inline text-ink-soft">{tr("tc.submittedAt")}: </dt>
                  <dd className="inline">{formatDate(c.created_at, lang)}</dd>
                </div>
                <div>
                  <dt className="inline text-ink-soft">{tr("cert.validFrom")}: </dt>
                  <dd className="inline">{formatDate(c.valid_from, lang)}</dd>
                </div>
                <div>
                  <dt className="inline text-ink-soft">{tr("cert.validTo")}: </dt>
                  <dd className="inline">{formatDate(c.expires_at, lang)}</dd>
                </div>
              </dl>
              <Form method="post" noValidate className="mt-3 flex flex-wrap items-start gap-3">
                <input type="hidden" name="certification_id" value={c.id} />
                <div className="flex min-w-64 flex-1 flex-col gap-1">
                  <label htmlFor={`reason-${c.id}`} className="text-sm font-medium">
                    {tr("tc.reason")} <span className="font-normal text-ink-soft">({tr("tc.reasonHint")})</span>
                  </label>
                  <input
                    id={`reason-${c.id}`}
                    name="reason"
                    defaultValue={mine?.values.reason}
                    aria-invalid={mine?.errors.reason ? true : undefined}
                    aria-describedby={mine?.errors.reason ? `reason-${c.id}-error` : undefined}
                    className="rounded-lg border border-clay bg-white px-3 py-2 text-sm"
                  />
                  {mine?.errors.reason ? (
                    <p
                      id={`reason-${c.id}-error`}
                      className="text-sm font-medium text-lacquer-700"
                      data-testid="error-reason"
                    >
                      {errorText(mine.errors.reason)}
                    </p>
                  ) : null}
                  {mine?.formError && !mine.errors.reason ? (
                    <FormAlert message={tr("tc.refused", { message: mine.formError })} />
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-2 pt-6">
                  {CERTIFICATION_ACTIONS.map((a) => (
                    <Button
                      key={a}
                      type="submit"
                      name="action"
                      value={a}
                      variant={a === "approve" ? "primary" : "secondary"}
                      disabled={navigation.state === "submitting"}
                    >
                      {tr(`action.${a}` as MessageKey)}
                    </Button>
                  ))}
                </div>
              </Form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
