/**
 * Login CSRF protection (synchronizer token): the login and sign-up forms carry a random token
 * that is also kept in the signed session cookie, and their actions refuse a post whose token
 * does not match. A form forged on another site cannot read the token, and the session cookie
 * (SameSite=Lax) does not travel with its cross-site POST anyway. This sits behind the server's
 * Origin / Sec-Fetch-Site check (server/security.mjs), for browsers that send neither header.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Session } from "@remix-run/node";
import { CSRF_FIELD } from "./forms";
import { commit, getSession } from "./session.server";

const SESSION_KEY = "csrf";

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The token for the form on this page, with the Set-Cookie header to send when it is new. */
export async function issueCsrfToken(request: Request): Promise<{ csrf: string; headers: Record<string, string> }> {
  const session = await getSession(request);
  const current = session.get(SESSION_KEY);
  if (typeof current === "string" && current) return { csrf: current, headers: {} };
  const csrf = newToken();
  session.set(SESSION_KEY, csrf);
  return { csrf, headers: await commit(session) };
}

/** Does the posted form carry this session's token? */
export async function hasValidCsrfToken(request: Request, form: FormData): Promise<boolean> {
  const expected = (await getSession(request)).get(SESSION_KEY);
  const posted = form.get(CSRF_FIELD);
  if (typeof expected !== "string" || !expected || typeof posted !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(posted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new token once someone has logged in, so a token seen before the login is worth nothing after it. */
export function rotateCsrfToken(session: Session): void {
  session.set(SESSION_KEY, newToken());
}
