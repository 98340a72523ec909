import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { TextLink } from "~/components/TextLink";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/Button";
import { Container } from "~/components/Container";
import { CsrfField } from "~/components/CsrfField";
import { FormAlert } from "~/components/Field";
import { EmailField, PasswordField } from "~/components/PersonFields";
import { signedIn } from "~/lib/account.server";
import { signIn } from "~/lib/backend/customer.server";
import { hasValidCsrfToken } from "~/lib/csrf.server";
import { loginSchema, parseForm } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { titleMeta } from "~/lib/meta";
import { csrfRefusal, localizedRefusal, loginLoader, type PortalFormData, refusedForm } from "~/lib/portal.server";
import { OtherAccountPage } from "~/components/OtherAccountPage";

export const meta = titleMeta("account.signIn");

export async function loader({ request }: LoaderFunctionArgs) {
  return loginLoader(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  if (!(await hasValidCsrfToken(request, form))) return csrfRefusal({ email });
  const parsed = parseForm(loginSchema, form);
  if (!parsed.ok) {
    return refusedForm<PortalFormData>({ errors: parsed.errors, values: { email } });
  }
  const result = await signIn(parsed.data.email, parsed.data.password, context.clientIp);
  if (!result.ok) {
    // Too many attempts: the backend's own words (with the wait) in the page's language.
    const formError =
      result.status === 429 ? localizedRefusal(result, await getLang(request)).formError : "account.loginFailed";
    return refusedForm<PortalFormData>({ errors: {}, values: { email }, formError }, result.status);
  }
  return signedIn(request, result.data);
}

export default function AccountLogin() {
  const tr = useT();
  const actionData = useActionData<typeof action>();
  const { csrf } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo");
  const e = actionData?.errors ?? {};
  return (
    <Container className="max-w-md py-8 sm:py-12">
      <h1 className="font-display text-2xl font-bold">{tr("account.signIn")}</h1>
      <Form method="post" noValidate className="mt-6 space-y-4">
        <CsrfField token={csrf} />
        {params.get("expired") ? <FormAlert message="account.expired" /> : null}
        {params.get("reset") ? <FormAlert tone="success" message="account.resetDone" /> : null}
        <FormAlert message={actionData?.formError} />
        <EmailField autoComplete="username" defaultValue={actionData?.values.email} error={e.email} />
        <PasswordField error={e.password} />
        <Button type="submit">{tr("account.signIn")}</Button>
      </Form>
      <p className="mt-4 text-sm">
        <TextLink to="/account/reset-password">{tr("account.forgot")}</TextLink>
      </p>
      <OtherAccountPage
        question={tr("account.noAccount")}
        to={redirectTo ? `/account/register?redirectTo=${encodeURIComponent(redirectTo)}` : "/account/register"}
        link={tr("account.register")}
      />
    </Container>
  );
}
