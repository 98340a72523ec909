import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/Button";
import { CsrfField } from "~/components/CsrfField";
import { FormAlert } from "~/components/Field";
import { EmailField, PasswordField } from "~/components/PersonFields";
import { useT, type MessageKey } from "~/lib/i18n";
import { OtherAccountPage } from "~/components/OtherAccountPage";

type ActionData = { errors: Record<string, string>; values: Record<string, string>; formError?: string } | undefined;

export function PortalLogin({ title, intro, signup }: { title: MessageKey; intro?: MessageKey; signup?: boolean }) {
  const tr = useT();
  const actionData = useActionData() as ActionData;
  const { csrf } = useLoaderData<{ csrf: string }>();
  const [params] = useSearchParams();
  const e = actionData?.errors ?? {};
  return (
    <div className="mx-auto max-w-md">
      <h1 className="font-display text-2xl font-bold">{tr(title)}</h1>
      {intro ? <p className="mt-2 text-sm text-ink-soft">{tr(intro)}</p> : null}
      <Form method="post" noValidate className="mt-6 space-y-4">
        <CsrfField token={csrf} />
        {params.get("expired") ? <FormAlert message="portal.expired" /> : null}
        <FormAlert message={actionData?.formError} />
        <EmailField autoComplete="username" defaultValue={actionData?.values.email} error={e.email} />
        <PasswordField error={e.password} />
        <Button type="submit">{tr("portal.login")}</Button>
      </Form>
      {signup ? (
        <OtherAccountPage question={tr("portal.noAccount")} to="/producer/signup" link={tr("portal.signup")} />
      ) : null}
    </div>
  );
}
