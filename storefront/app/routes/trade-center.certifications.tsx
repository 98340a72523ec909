import { ProducerPageLink } from "~/components/trade-center/ProducerPageLink";
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button, buttonClasses } from "~/components/Button";
import { FormAlert, useErrorText } from "~/components/Field";
import { FilterSelect } from "~/components/FilterSelect";
import { decisionSchema, parseForm, REASON_REQUIRED, type CertificationAction } from "~/lib/forms";
import { publicFileSrc } from "~/lib/file-url";
import { formatDate, useLang, useT, type MessageKey } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import type { CuratorCertification } from "~/lib/backend/views";
import { statusKey, type ShownStatus } from "~/lib/ocop-display";
import { asCurator, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

const STATUSES = ["submitted", "approved", "rejected", "expired", "revoked", "suspended"] as const;
/** Decisions that take a product off the marketplace or refuse it: asked twice. */
const DESTRUCTIVE: readonly string[] = ["reject", "suspend", "revoke"];

export async function loader({ request }: LoaderFunctionArgs) {
  const wanted = new URL(request.url).searchParams.get("status") ?? "submitted";
  const status = (STATUSES as readonly string[]).includes(wanted) ? wanted : undefined;
  const { certifications, count } = orNotFound(
    await asCurator(request, (token) => tradeCenter.certifications(token, status))
  );
  // One Idempotency-Key per card and page load: a decision sent twice (double click, retry) is recorded once.
  const keys = Object.fromEntries(certifications.map((c) => [c.id, randomUUID()]));
  return data({ certifications, count, status: status ?? "all", keys }, { headers: PRIVATE_HEADERS });
}

type ActionData = {
  id: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
  /** The decision was refused because the record changed meanwhile: the card shows its new state. */
  conflict?: boolean;
  done?: string;
  confirm?: { action: string; reason: string; key: string };
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(decisionSchema, form);
  const id = String(form.get("certification_id") ?? "");
  const key = String(form.get("key") ?? "");
  if (!parsed.ok) return data<ActionData>({ id, ...parsed }, { status: 400, headers: PRIVATE_HEADERS });
  const { certification_id, action: act, reason } = parsed.data;
  if (DESTRUCTIVE.includes(act) && form.get("confirmed") !== "yes") {
    return data<ActionData>(
      { id, errors: {}, values: { reason }, confirm: { action: act, reason, key } },
      { headers: PRIVATE_HEADERS }
    );
  }
  const result = await asCurator(request, (token) =>
    tradeCenter.decide(
      token,
      certification_id,
      act,
      reason || undefined,
      /^[\x21-\x7E]{1,255}$/.test(key) ? key : undefined
    )
  );
  if (!result.ok) {
    const lang = await getLang(request);
    const values = { reason, action: act };
    if (result.status === 409) {
      return data<ActionData>({ id, errors: {}, values, conflict: true }, { status: 409, headers: PRIVATE_HEADERS });
    }
    const reasonError = (lang === "vi" ? result.errors_vi?.reason : undefined) ?? result.errors.reason;
    const formError =
      lang === "vi" ? (result.message_vi ?? "tc.refusedGeneric") : (result.message_en ?? result.message);
    return data<ActionData>(
      { id, errors: reasonError ? { reason: reasonError } : {}, values, formError },
      { status: result.status === 403 ? 403 : 400, headers: PRIVATE_HEADERS }
    );
  }
  return data<ActionData>({ id, errors: {}, values: {}, done: act }, { headers: PRIVATE_HEADERS });
}

export default function Certifications() {
  const { certifications, count, status, keys } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const tr = useT();
  return (
    <section>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="font-display text-2xl font-bold">{tr("tc.certifications")}</h1>
        <a href="/trade-center/export" className={buttonClasses("secondary")} download data-testid="tc-export">
          {tr("tc.export")}
        </a>
      </div>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <FilterSelect
          id="status"
          name="status"
          label={tr("tc.filter")}
          defaultValue={params.get("status") ?? status}
          options={[
            { value: "all", label: tr("tc.all") },
            ...STATUSES.map((s) => ({ value: s, label: tr(statusKey(s)) })),
          ]}
        />
        <Button type="submit" variant="secondary">
          {tr("tc.filterSubmit")}
        </Button>
        <span className="text-sm text-ink-soft" data-testid="tc-count">
          {tr("tc.count", { n: count })}
        </span>
      </Form>
      {actionData?.done ? (
        <div className="mt-4" role="status">
          <FormAlert
            tone="success"
            message={tr("tc.done", { action: tr(`action.${actionData.done}` as MessageKey) })}
          />
        </div>
      ) : null}
      {certifications.length === 0 ? <p className="mt-6">{tr("tc.empty")}</p> : null}
      <ul className="mt-6 space-y-4">
        {certifications.map((c) => (
          <CertificationCard
            key={c.id}
            cert={c}
            decisionKey={keys[c.id] ?? ""}
            mine={actionData && actionData.id === c.id && !actionData.done ? actionData : null}
          />
        ))}
      </ul>
    </section>
  );
}

function CertificationCard({
  cert: c,
  decisionKey,
  mine,
}: {
  cert: CuratorCertification;
  decisionKey: string;
  mine: ActionData | null;
}) {
  const tr = useT();
  const lang = useLang();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const allowed = (c.allowed_actions ?? []) as CertificationAction[];
  const needReason = allowed.filter((a) => REASON_REQUIRED.includes(a));
  const statusLabel = tr(statusKey(c.status as ShownStatus));
  const actionLabel = (a: string) => tr(`action.${a}` as MessageKey);
  return (
    <li className="rounded-2xl border border-clay bg-white p-5" data-testid="tc-certification" data-status={c.status}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="font-semibold">{c.product?.title ?? c.product_id}</h2>
        <span className="text-sm">{tr("stars.badge", { n: c.stars })}</span>
        <span className="text-sm">{c.certificate_number ?? "—"}</span>
        <span className="rounded-full bg-paper-deep px-2 py-0.5 text-xs font-semibold" data-testid="tc-status">
          {statusLabel}
        </span>
      </div>
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {c.product?.handle ? (
          <Link
            to={`/trade-center/products/${encodeURIComponent(c.product_id)}`}
            className="text-lacquer-700 underline"
          >
            {tr("tc.viewProduct")}
          </Link>
        ) : null}
        {c.producer ? <ProducerPageLink producer={c.producer} /> : null}
      </p>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
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
        {c.reason ? (
          <div className="sm:col-span-2">
            <dt className="inline text-ink-soft">{tr("tc.reasonGiven")}: </dt>
            <dd className="inline">{c.reason}</dd>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <dt className="inline text-ink-soft">{tr("tc.documents")}: </dt>
          <dd className="inline">
            {c.documents?.length ? (
              c.documents.map((d, i) => (
                <a
                  key={d.url}
                  href={publicFileSrc(d.url) ?? d.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="mr-3 text-lacquer-700 underline"
                  data-testid="tc-document"
                >
                  {d.name === "scan" ? tr("tc.scan") : d.name || tr("tc.document", { n: i + 1 })}
                </a>
              ))
            ) : (
              <span className="text-ink-soft">{tr("tc.noDocuments")}</span>
            )}
          </dd>
        </div>
      </dl>
      {mine?.conflict ? (
        <div className="mt-3">
          <FormAlert message={tr("tc.conflict", { status: statusLabel })} />
        </div>
      ) : null}
      {mine?.confirm ? (
        <Form
          method="post"
          className="mt-3 rounded-xl border border-lacquer-600 bg-paper-deep p-4"
          data-testid="tc-confirm"
        >
          <p className="font-semibold">
            {tr("tc.confirmTitle", { action: actionLabel(mine.confirm.action), number: c.certificate_number ?? "" })}
          </p>
          <p className="mt-1 text-sm">{tr("tc.confirmBody")}</p>
          {mine.confirm.reason ? (
            <p className="mt-1 text-sm">{tr("tc.confirmWithReason", { reason: mine.confirm.reason })}</p>
          ) : null}
          <input type="hidden" name="certification_id" value={c.id} />
          <input type="hidden" name="action" value={mine.confirm.action} />
          <input type="hidden" name="reason" value={mine.confirm.reason} />
          <input type="hidden" name="key" value={mine.confirm.key} />
          <input type="hidden" name="confirmed" value="yes" />
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="submit" disabled={busy}>
              {tr("tc.confirmButton", { action: actionLabel(mine.confirm.action) })}
            </Button>
            <Link to="." className={buttonClasses("secondary")} preventScrollReset>
              {tr("tc.cancel")}
            </Link>
          </div>
        </Form>
      ) : allowed.length === 0 ? (
        <p className="mt-3 text-sm text-ink-soft">{tr("tc.noActions")}</p>
      ) : (
        <Form method="post" noValidate className="mt-3 flex flex-wrap items-start gap-3">
          <input type="hidden" name="certification_id" value={c.id} />
          <input type="hidden" name="key" value={decisionKey} />
          {needReason.length ? (
            <div className="flex min-w-64 flex-1 flex-col gap-1">
              <label htmlFor={`reason-${c.id}`} className="text-sm font-medium">
                {tr("tc.reason")}{" "}
                <span className="font-normal text-ink-soft">
                  (
                  {tr("tc.reasonRequiredFor", {
                    actions: needReason.map((a) => actionLabel(a).toLowerCase()).join(", "),
                  })}
                  )
                </span>
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
            </div>
          ) : null}
          {mine?.formError && !mine.errors.reason ? (
            <div className="w-full">
              <FormAlert message={errorText(mine.formError) ?? ""} />
            </div>
          ) : null}
          <div className={`flex flex-wrap gap-2 ${needReason.length ? "pt-6" : ""}`}>
            {allowed.map((a) => (
              <Button
                key={a}
                type="submit"
                name="action"
                value={a}
                variant={a === "approve" || a === "reinstate" ? "primary" : "secondary"}
                disabled={busy}
                data-testid={`tc-action-${a}`}
              >
                {actionLabel(a)}
              </Button>
            ))}
          </div>
        </Form>
      )}
    </li>
  );
}
