import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/Button";
import { Container } from "~/components/Container";
import { CsrfField } from "~/components/CsrfField";
import { FormAlert } from "~/components/Field";
import { EmailField, PasswordField } from "~/components/PersonFields";
import { resetPasswordSchema, resetRequestSchema } from "~/lib/account-forms";
import { requestPasswordReset, resetPassword } from "~/lib/backend/customer.server";
import { hasValidCsrfToken, issueCsrfToken } from "~/lib/csrf.server";
import { keptValues, parseForm } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { titleMeta } from "~/lib/meta";
import { csrfRefusal, localizedRefusal, type PortalFormData, refusedForm } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export const meta = titleMeta("account.resetTitle");

/** Two steps on one page: ask for the email (no token), then set the new password (token from the email). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { csrf, headers } = await issueCsrfToken(request);
  return data(
    { csrf, token: url.searchParams.get("token") ?? "", email: url.searchParams.get("email") ?? "" },
    // The token must not leak to other sites through the Referer header.
    { headers: { ...PRIVATE_HEADERS, ...headers, "Referrer-Policy": "no-referrer" } }
  );
}

type ResetData = PortalFormData & { sent?: boolean };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = keptValues(form);
  delete values.password;
  if (!(await hasValidCsrfToken(request, form))) return csrfRefusal(values);
  const lang = await getLang(request);
  if (!form.get("token")) {
    const parsed = parseForm(resetRequestSchema, form);
    if (!parsed.ok) return refusedForm<ResetData>({ ...parsed, values });
    const result = await requestPasswordReset(parsed.data.email, context.clientIp);
    if (!result.ok) {
      return refusedForm<ResetData>({ ...localizedRefusal(result, lang), values }, result.status);
    }
    return data<ResetData>({ errors: {}, values, sent: true }, { headers: PRIVATE_HEADERS });
  }
  const parsed = parseForm(resetPasswordSchema, form);
  if (!parsed.ok) {
    return refusedForm<ResetData>({ ...parsed, values, formError: "form.fixErrors" });
  }
  const { token, email, password } = parsed.data;
  const result = await resetPassword(token, email, password, context.clientIp);
  if (!result.ok) {
    // 401: the link expired (15 minutes), was used already, or was made for another email.
    const refusal =
      result.status === 401 ? { errors: {}, formError: "account.resetLinkInvalid" } : localizedRefusal(result, lang);
    return refusedForm<ResetData>({ ...refusal, values }, result.status);
  }
  throw redirect("/account/login?reset=1", { headers: PRIVATE_HEADERS });
}

export default function ResetPassword() {
  const tr = useT();
  const { csrf, token, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ResetData | undefined;
  const e = actionData?.errors ?? {};
  return (
    <Container className="max-w-md py-8 sm:py-12">
      <h1 className="font-display text-2xl font-bold">{tr("account.resetTitle")}</h1>
      {actionData?.sent ? (
        <div className="mt-6">
          <FormAlert tone="success" message="account.resetSent" />
        </div>
      ) : (
        <Form method="post" noValidate className="mt-6 space-y-4">
          <CsrfField token={csrf} />
          <FormAlert message={actionData?.formError} />
          {token ? (
            <>
              <p className="text-sm text-ink-soft">{tr("account.resetNewIntro")}</p>
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="email" value={email} />
              <p className="text-sm font-medium">{email}</p>
              {e.email ? <FormAlert message={e.email} /> : null}
              <PasswordField isNew label="account.newPassword" hint={tr("account.passwordHint")} error={e.password} />
              <Button type="submit">{tr("account.resetSave")}</Button>
            </>
          ) : (
            <>
              <p className="text-sm text-ink-soft">{tr("account.resetIntro")}</p>
              <EmailField defaultValue={actionData?.values.email} error={e.email} />
              <Button type="submit">{tr("account.resetSend")}</Button>
            </>
          )}
        </Form>
      )}
    </Container>
  );
}
