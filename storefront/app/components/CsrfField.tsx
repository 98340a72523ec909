import { CSRF_FIELD } from "~/lib/forms";

/** The hidden CSRF token of a login or sign-up form; the page's loader issues it (csrf.server.ts). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
