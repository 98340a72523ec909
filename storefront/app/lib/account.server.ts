/**
 * The shopper's signed-in session: the customer token in the signed session cookie (like the
 * portals' tokens), a guest cart handed to the account at sign-in, and calls that send an expired
 * token back to the login page.
 */
import { redirect } from "@remix-run/node";
import type { Result } from "./backend/client.server";
import { attachCart } from "./backend/customer.server";
import { rotateCsrfToken } from "./csrf.server";
import { safeRedirectPath } from "./safe-redirect";
import { commit, expiredLogin, getSession, PRIVATE_HEADERS, requireCustomer } from "./session.server";

/** Keeps the token, gives the session's open cart to the account, and goes on to `redirectTo`. */
export async function signedIn(request: Request, token: string, fallback = "/account"): Promise<never> {
  const session = await getSession(request);
  session.set("customerToken", token);
  rotateCsrfToken(session);
  const cartId = session.get("cartId");
  if (typeof cartId === "string" && cartId) {
    const attached = await attachCart(token, cartId);
    // A cart that cannot be attached (completed, or another account's) is simply left as it is.
    if (!attached.ok) console.warn(`[storefront] cart not attached to the account: ${attached.status}`);
  }
  const to = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), fallback);
  throw redirect(to, { headers: { ...PRIVATE_HEADERS, ...(await commit(session)) } });
}

/** Runs an account call with the shopper's token; a token the backend refuses (401) means "sign in again". */
export async function asCustomer<T>(request: Request, call: (token: string) => Promise<Result<T>>): Promise<Result<T>> {
  const token = await requireCustomer(request);
  const result = await call(token);
  if (!result.ok && result.status === 401) return expiredLogin(request, "customer");
  return result;
}
