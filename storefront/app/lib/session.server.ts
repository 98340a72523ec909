/**
 * The one signed session cookie (`__ocop`): the shopper's cart id and the
 * portal tokens (producer, curator). Tokens are Medusa JWTs; they never reach
 * the browser's JavaScript (httpOnly) and are checked by the backend on every
 * call.
 */
import { randomBytes } from "node:crypto";
import { createCookieSessionStorage, redirect, type Session } from "@remix-run/node";

const production = process.env.NODE_ENV === "production";

/**
 * `Secure` in production (npm start serves http://localhost, where browsers accept Secure
 * cookies); SESSION_SECURE=true|false overrides, e.g. for a production build behind plain http
 * on a LAN. Shared by every cookie the storefront sets.
 */
export const COOKIE_SECURE = process.env.SESSION_SECURE ? process.env.SESSION_SECURE === "true" : production;

/**
 * No default secret: a known one would let anyone forge a session (a cart, a portal token).
 * Production refuses to start without SESSION_SECRET; development signs with a random secret
 * per process (kept on globalThis so Vite's module reloads keep sessions), so sessions end
 * when the server restarts.
 */
function sessionSecret(): string {
  const value = process.env.SESSION_SECRET?.trim();
  if (value) return value;
  if (production) {
    const error = new Error(
      "SESSION_SECRET is not set: set it to a long random value (e.g. `openssl rand -hex 32`) before starting the storefront in production."
    );
    error.name = "ConfigurationError"; // server.mjs prints just the sentence
    throw error;
  }
  const holder = globalThis as { __ocopDevSessionSecret?: string };
  if (!holder.__ocopDevSessionSecret) {
    holder.__ocopDevSessionSecret = randomBytes(32).toString("hex");
    if (process.env.NODE_ENV !== "test") {
      console.warn(
        "[storefront] SESSION_SECRET is not set: using a random secret for this process, sessions end when it restarts."
      );
    }
  }
  return holder.__ocopDevSessionSecret;
}

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: "__ocop",
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: COOKIE_SECURE,
    maxAge: 60 * 60 * 24 * 30,
    secrets: [sessionSecret()],
  },
});

export type SessionData = {
  cartId?: string;
  producerToken?: string;
  curatorToken?: string;
  customerToken?: string;
  csrf?: string;
};

export async function getSession(request: Request): Promise<Session> {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

export async function commit(session: Session): Promise<{ "Set-Cookie": string }> {
  return { "Set-Cookie": await sessionStorage.commitSession(session) };
}

export async function getCartId(request: Request): Promise<string | null> {
  const value = (await getSession(request)).get("cartId");
  return typeof value === "string" && value.startsWith("cart_") ? value : null;
}

/** Personal pages (cart, checkout, orders, portals) are never cached. */
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" } as const;

function loginRedirect(request: Request, to: string): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`${to}?redirectTo=${encodeURIComponent(back)}`, { headers: PRIVATE_HEADERS });
}

/** The producer's token, or a redirect to the producer login page. */
export async function requireProducer(request: Request): Promise<string> {
  const token = (await getSession(request)).get("producerToken");
  if (typeof token !== "string" || !token) loginRedirect(request, "/producer/login");
  return token;
}

/** The curator's token, or a redirect to the trade-centre login page. */
export async function requireCurator(request: Request): Promise<string> {
  const token = (await getSession(request)).get("curatorToken");
  if (typeof token !== "string" || !token) loginRedirect(request, "/trade-center/login");
  return token;
}

/** The signed-in shopper's token, or null for a guest. */
export async function getCustomerToken(request: Request): Promise<string | null> {
  const token = (await getSession(request)).get("customerToken");
  return typeof token === "string" && token ? token : null;
}

/** The shopper's token, or a redirect to the account login page. */
export async function requireCustomer(request: Request): Promise<string> {
  const token = await getCustomerToken(request);
  if (!token) loginRedirect(request, "/account/login");
  return token;
}

/** A token the backend no longer accepts (401): forget it and send the user to log in again. */
export async function expiredLogin(request: Request, kind: "producer" | "curator" | "customer"): Promise<never> {
  const session = await getSession(request);
  const where = { producer: "producer", curator: "trade-center", customer: "account" }[kind];
  session.unset(`${kind}Token`);
  throw redirect(`/${where}/login?expired=1`, {
    headers: { ...PRIVATE_HEADERS, ...(await commit(session)) },
  });
}
