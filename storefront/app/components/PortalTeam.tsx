import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Button, buttonClasses } from "~/components/Button";
import { FormAlert, TextField } from "~/components/Field";
import { IntentForm } from "~/components/IntentForm";
import { type MessageKey, useT } from "~/lib/i18n";
import type { TeamMember } from "~/lib/backend/views";
import type { TeamActionData } from "~/lib/portal-team.server";

/** The words every portal's team page shares (the list, the confirmation and the invite form). */
const SHARED_TEXTS = {
  you: "tc.you",
  invitePassword: "tc.invitePassword",
  invited: "tc.invited",
  remove: "tc.remove",
  removeConfirmButton: "tc.removeConfirmButton",
  removed: "tc.removed",
  cancel: "tc.cancel",
} satisfies Record<string, MessageKey>;

/** The words of one portal's team page that name its own people and place. */
export type TeamTexts = Record<
  "title" | "intro" | "invite" | "inviteEmail" | "invitePasswordHint" | "removeConfirm",
  MessageKey
> & { owner?: MessageKey };

/** A portal's logins: invite a colleague, remove one (asked twice; never one's own, never a shop's owner). */
export function PortalTeam({
  members,
  texts: ownTexts,
  testId,
}: {
  members: TeamMember[];
  texts: TeamTexts;
  testId: string;
}) {
  const texts = { ...SHARED_TEXTS, ...ownTexts };
  const actionData = useActionData<TeamActionData>();
  const navigation = useNavigation();
  const tr = useT();
  const busy = navigation.state !== "idle";
  return (
    <section className="max-w-3xl">
      <h1 className="font-display text-2xl font-bold">{tr(texts.title)}</h1>
      <p className="mt-1 text-sm text-ink-soft">{tr(texts.intro)}</p>
      {actionData?.invited ? (
        <div className="mt-4">
          <FormAlert tone="success" message={tr(texts.invited, { email: actionData.invited })} />
        </div>
      ) : null}
      {actionData?.removed ? (
        <div className="mt-4">
          <FormAlert tone="success" message={tr(texts.removed)} />
        </div>
      ) : null}
      <ul className="mt-6 divide-y divide-clay/60 rounded-2xl border border-clay bg-white" data-testid={testId}>
        {members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <span className="min-w-0 flex-1 break-all">{m.email ?? "—"}</span>
            {m.role === "owner" && texts.owner ? (
              <span className="rounded-full bg-paper-deep px-2 py-0.5 text-xs font-semibold">{tr(texts.owner)}</span>
            ) : null}
            {m.is_you ? (
              <span className="rounded-full bg-paper-deep px-2 py-0.5 text-xs font-semibold">{tr(texts.you)}</span>
            ) : m.role === "owner" ? null : actionData?.confirmRemove?.id === m.id ? (
              <IntentForm
                intent="remove-confirmed"
                fields={{ id: m.id }}
                className="flex w-full flex-wrap items-center gap-2"
                testId={`${testId}-confirm`}
              >
                <p className="w-full text-sm font-semibold">{tr(texts.removeConfirm, { email: m.email ?? "" })}</p>
                <Button type="submit" disabled={busy}>
                  {tr(texts.removeConfirmButton)}
                </Button>
                <Link to="." className={buttonClasses("secondary")}>
                  {tr(texts.cancel)}
                </Link>
              </IntentForm>
            ) : (
              <IntentForm intent="remove" fields={{ id: m.id, email: m.email ?? "" }}>
                <Button type="submit" variant="secondary">
                  {tr(texts.remove)}
                </Button>
              </IntentForm>
            )}
          </li>
        ))}
      </ul>
      {actionData?.formError && !actionData.invited ? (
        <div className="mt-4">
          <FormAlert message={actionData.formError} />
        </div>
      ) : null}
      <h2 className="mt-8 font-display text-lg font-bold">{tr(texts.invite)}</h2>
      <Form method="post" noValidate className="mt-3 grid gap-4 sm:grid-cols-2" key={actionData?.invited ?? "invite"}>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          name="email"
          type="email"
          label={tr(texts.inviteEmail)}
          required
          autoComplete="off"
          defaultValue={actionData?.values.email}
          error={actionData?.errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={tr(texts.invitePassword)}
          required
          autoComplete="new-password"
          hint={tr(texts.invitePasswordHint)}
          error={actionData?.errors.password}
        />
        <div>
          <Button type="submit" disabled={busy}>
            {tr(texts.invite)}
          </Button>
        </div>
      </Form>
    </section>
  );
}
