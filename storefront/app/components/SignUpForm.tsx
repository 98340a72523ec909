import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/Button";
import { CsrfField } from "~/components/CsrfField";
import { FormAlert } from "~/components/Field";
import { OtherAccountPage } from "~/components/OtherAccountPage";

/**
 * A sign-up page's body (a shopper's account, a producer's shop): heading, intro, the form with its
 * CSRF token, the refusal above the fields and the submit button, then the link to the sign-in page.
 * The fields (`children`) are the page's own.
 */
export function SignUpForm({
  title,
  intro,
  csrf,
  formError,
  submitLabel,
  busy,
  withFiles = false,
  signIn,
  children,
}: {
  title: string;
  intro: string;
  csrf: string;
  formError?: string;
  submitLabel: string;
  /** the button rests while the form is sent */
  busy?: boolean;
  /** the form carries a file (multipart) */
  withFiles?: boolean;
  /** "Already have an account? Sign in" */
  signIn: { question: string; to: string; link: string };
  children: ReactNode;
}) {
  return (
    <>
      <h1 className="font-display text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-sm text-ink-soft">{intro}</p>
      <Form method="post" encType={withFiles ? "multipart/form-data" : undefined} noValidate className="mt-6 space-y-4">
        <CsrfField token={csrf} />
        <FormAlert message={formError} />
        {children}
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
      </Form>
      <OtherAccountPage {...signIn} />
    </>
  );
}
