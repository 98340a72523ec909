import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Container } from "~/components/Container";
import { SignUpForm } from "~/components/SignUpForm";
import { EmailField, FullNameField, PasswordField, PhoneField } from "~/components/PersonFields";
import { signedIn } from "~/lib/account.server";
import { signUpSchema, toE164 } from "~/lib/account-forms";
import { signUp } from "~/lib/backend/customer.server";
import { hasValidCsrfToken } from "~/lib/csrf.server";
import { keptValues, parseForm } from "~/lib/forms";
import { useFormAnswer } from "~/lib/form-answer";
import { useT } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { titleMeta } from "~/lib/meta";
import { csrfRefusal, localizedRefusal, loginLoader, type PortalFormData, refusedForm } from "~/lib/portal.server";

export const meta = titleMeta("account.register");

export async function loader({ request }: LoaderFunctionArgs) {
  return loginLoader(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = keptValues(form);
  delete values.password;
  if (!(await hasValidCsrfToken(request, form))) return csrfRefusal(values);
  const parsed = parseForm(signUpSchema, form);
  if (!parsed.ok) {
    return refusedForm<PortalFormData>({ errors: parsed.errors, values, formError: "form.fixErrors" });
  }
  const input = parsed.data;
  const result = await signUp({ ...input, phone: input.phone ? toE164(input.phone) : undefined }, context.clientIp);
  if (!result.ok) {
    const lang = await getLang(request);
    // Medusa answers an email already registered with a 401 "Identity with email already exists".
    const taken = /already exists/i.test(result.message);
    const refusal = taken
      ? { errors: { email: "account.emailTaken" }, formError: "form.fixErrors" }
      : localizedRefusal(result, lang);
    return refusedForm<PortalFormData>({ ...refusal, values }, result.status);
  }
  return signedIn(request, result.data);
}

export default function AccountRegister() {
  const tr = useT();
  const { answer: actionData, values: v, errors: e } = useFormAnswer<typeof action>();
  const { csrf } = useLoaderData<typeof loader>();
  return (
    <Container className="max-w-md py-8 sm:py-12">
      <SignUpForm
        title={tr("account.register")}
        intro={tr("account.registerIntro")}
        csrf={csrf}
        formError={actionData?.formError}
        submitLabel={tr("account.register")}
        signIn={{ question: tr("account.haveAccount"), to: "/account/login", link: tr("account.signIn") }}
      >
        <FullNameField defaultValue={v.full_name} error={e.full_name} />
        <EmailField defaultValue={v.email} error={e.email} />
        <PhoneField label="account.phoneOptional" required={false} defaultValue={v.phone} error={e.phone} />
        <PasswordField isNew hint={tr("account.passwordHint")} error={e.password} />
      </SignUpForm>
    </Container>
  );
}
