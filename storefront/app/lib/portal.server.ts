/**
 * Portal plumbing shared by /producer and /trade-center: log in (token into
 * the session cookie), log out, and calls that send an expired token back to
 * the login page instead of failing.
 */
import { data, redirect } from "@remix-run/node";
import { hasValidCsrfToken, issueCsrfToken, rotateCsrfToken } from "./csrf.server";
import { loginSchema, parseForm, type FieldErrors } from "./forms";
import { type Refusal, type Result, refusalMessage } from "./backend/client.server";
import type { Lang } from "./i18n";
import { login, type Actor } from "./backend/portal-api.server";
import { safeRedirectPath } from "./safe-redirect";
import { commit, expiredLogin, getSession, PRIVATE_HEADERS, requireCurator, requireProducer } from "./session.server";

const TOKEN_KEY = { producer: "producerToken", curator: "curatorToken" } as const;
const HOME = { producer: "/producer", curator: "/trade-center/certifications" } as const;

export type PortalFormData = { errors: FieldErrors; values: Record<string, string>; formError?: string };

/** Loader of a login page: the CSRF token its form must send back. */
export async function loginLoader(request: Request) {
  const { csrf, headers } = await issueCsrfToken(request);
  return data({ csrf }, { headers: { ...PRIVATE_HEADERS, ...headers } });
}

/** The answer to a login or sign-up post without this session's CSRF token: a form error, nothing done. */
export function csrfRefusal(values: Record<string, string> = {}) {
  return data<PortalFormData>(
    { errors: {}, values, formError: "form.csrf" },
    { status: 403, headers: PRIVATE_HEADERS }
  );
}

/** `clientIp`: the shopper's address from the load context (absent under `remix vite:dev`). */
export async function loginAction(request: Request, actor: Actor, clientIp?: string) {
  const form = await request.formData();
  if (!(await hasValidCsrfToken(request, form))) {
    const email = form.get("email");
    return csrfRefusal(typeof email === "string" ? { email } : {});
  }
  const parsed = parseForm(loginSchema, form);
  if (!parsed.ok)
    return data<PortalFormData>(
      { errors: parsed.errors, values: parsed.values },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  const result = await login(actor, parsed.data.email, parsed.data.password, clientIp);
  if (!result.ok) {
    return data<PortalFormData>(
      { errors: {}, values: { email: parsed.data.email }, formError: "portal.loginFailed" },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  const session = await getSession(request);
  session.set(TOKEN_KEY[actor], result.data);
  rotateCsrfToken(session);
  const to = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), HOME[actor]);
  throw redirect(to, { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } });
}

export async function logoutAction(request: Request, actor: Actor) {
  const session = await getSession(request);
  session.unset(TOKEN_KEY[actor]);
  throw redirect(actor === "producer" ? "/producer/login" : "/trade-center/login", {
    headers: { ...PRIVATE_HEADERS, ...(await commit(session)) },
  });
}

/** For a portal's frame: what `read` answers with the login of this actor, or null when logged out or refused. */
export async function frameAccount<T>(
  request: Request,
  actor: Actor,
  read: (token: string) => Promise<Result<T>>
): Promise<T | null> {
  const token = (await getSession(request)).get(TOKEN_KEY[actor]);
  if (typeof token !== "string" || !token) return null;
  const me = await read(token);
  return me.ok ? me.data : null;
}

/** Runs a portal call with the user's token; a token the backend refuses (401) means "log in again". */
export async function asProducer<T>(request: Request, call: (token: string) => Promise<Result<T>>): Promise<Result<T>> {
  const token = await requireProducer(request);
  const result = await call(token);
  if (!result.ok && result.status === 401) return expiredLogin(request, "producer");
  return result;
}

export async function asCurator<T>(request: Request, call: (token: string) => Promise<Result<T>>): Promise<Result<T>> {
  const token = await requireCurator(request);
  const result = await call(token);
  if (!result.ok && result.status === 401) return expiredLogin(request, "curator");
  return result;
}

/** For loaders: the data, or a 404 page for anything the backend does not show this user. */
export function orNotFound<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new Response(null, { status: result.status === 403 ? 403 : 404, headers: PRIVATE_HEADERS });
}

/**
 * A backend refusal in the page's language: our routes send Vietnamese texts beside the English
 * ones (`errors_vi`, `message_vi`); Medusa's own routes only English, which is then kept.
 * With field errors, the form-level message only points at them.
 */
export function localizedRefusal(result: Refusal, lang: Lang): { errors: FieldErrors; formError: string } {
  const vi = lang === "vi";
  const errors = { ...result.errors, ...(vi ? result.errors_vi : undefined) };
  if (Object.keys(errors).length > 0) return { errors, formError: "form.fixErrors" };
  return { errors, formError: refusalMessage(result, lang) };
}

/** Backend field errors, renamed to this form's field names where they differ. */
export function backendErrors(
  result: { errors: Record<string, string> },
  rename: Record<string, string> = {}
): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(result.errors)) out[rename[k] ?? k] = v;
  return out;
}

/** A portal's CSV download as sent to the browser: the backend's bytes, a safe file name, never sniffed. */
export function csvAttachment(csv: { body: ArrayBuffer; filename: string }) {
  return new Response(csv.body, {
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csv.filename.replace(/[^\w.-]/g, "_")}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * A form refused, shown again with its errors: a 400, except the backend's 429 (too many attempts,
 * the wait in its words), which stays a 429.
 */
export function refusedForm<T extends PortalFormData>(body: T, status = 400) {
  return data<T>(body, { status: status === 429 ? 429 : 400, headers: PRIVATE_HEADERS });
}
