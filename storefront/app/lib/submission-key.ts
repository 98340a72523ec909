import { useEffect, useState } from "react";

/** The form field that carries a submission's Idempotency-Key to the action. */
export const SUBMISSION_KEY_FIELD = "idempotency_key";

/**
 * One Idempotency-Key per form render: a double click or a resubmitted form sends the same key (the
 * backend acts once), the next submission after an answer gets a new one. Made in the browser only,
 * so a page from a shared cache never hands two shoppers the same key; without JavaScript the field
 * stays empty and the add works as before.
 */
export function useSubmissionKey(answer: unknown): string {
  const [key, setKey] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer is what asks for a new key
  useEffect(() => setKey(crypto.randomUUID()), [answer]);
  return key;
}

/** The key a form sent, when it is one (printable ASCII, as the backend accepts). */
export function submissionKeyOf(form: FormData): string | undefined {
  const value = form.get(SUBMISSION_KEY_FIELD);
  return typeof value === "string" && /^[\x21-\x7E]{1,255}$/.test(value) ? value : undefined;
}
