// HTTP caching of the storefront's pages, decided here in one place for every route (issue 14).
// - Catalogue pages (home, province, group, producer, product, search; in both languages, and the
//   `.data` requests Remix's client makes for them) answered to an anonymous visitor with 200 and
//   no Set-Cookie are shared: `public, max-age=0, s-maxage=30, stale-while-revalidate=30`, with a
//   weak ETag of the body (a matching If-None-Match gets 304). A listing change (revoke, expiry,
//   suspension) therefore reaches every shopper within CATALOGUE_LIFETIME_S = 60 s behind a shared
//   cache (30 s fresh + 30 s served stale while it refetches); browsers always revalidate (max-age=0).
// - A request carrying the session cookie (a cart, a signed-in shopper or portal user) sees its cart
//   badge and name in the page: `private, no-store`, as does every response that sets a cookie and
//   every personal page (cart, checkout, account, orders, portals) whatever its route says.
// - Language is in the URL (/en), never in a cookie on these pages, so the URL is the cache key;
//   `Vary: Cookie` (and compression's Accept-Encoding) keeps a shared cache from handing the
//   anonymous copy to a visitor who has a cart.
// The CSP nonce differs in every render: the ETag is computed over the body without it, and a 304
// carries no Content-Security-Policy, so the browser keeps the policy that matches its stored copy.
import { createHash } from "node:crypto";

export const CATALOGUE_S_MAXAGE_S = 30;
export const CATALOGUE_STALE_S = 30;
/** The longest a shared cache may show a catalogue page after the listing changed. */
export const CATALOGUE_LIFETIME_S = CATALOGUE_S_MAXAGE_S + CATALOGUE_STALE_S;
const SHARED = `s-maxage=${CATALOGUE_S_MAXAGE_S}, stale-while-revalidate=${CATALOGUE_STALE_S}`;
export const CATALOGUE_CACHE_CONTROL = `public, max-age=0, ${SHARED}`;
export const PRIVATE_CACHE_CONTROL = "private, no-store";
const SESSION_COOKIE = "__ocop";

const CATALOGUE = [/^\/$/, /^\/search$/, /^\/(provinces|groups|producers|products)\/[^/]+$/];
const PERSONAL = /^\/(cart|checkout|account|orders|producer|trade-center)(\/|$)/;

/**
 * A request path without its language prefix and Remix's `.data` suffix: "/en/products/x.data" →
 * "/products/x"; "/_root.data" and "/en.data" (the home page's data) → "/".
 * @param {string} path
 */
export function pagePath(path) {
  let bare = path.replace(/\.data$/, "");
  if (bare === "/_root") bare = "/";
  if (bare === "/en") return "/";
  if (bare.startsWith("/en/")) bare = bare.slice(3);
  return bare.length > 1 ? bare.replace(/\/$/, "") : bare;
}

/** @param {string} path  @returns {"catalogue" | "personal" | "other"} */
export function pageClass(path) {
  const bare = pagePath(path);
  if (CATALOGUE.some((pattern) => pattern.test(bare))) return "catalogue";
  if (PERSONAL.test(bare)) return "personal";
  return "other";
}

/** Does the request carry the storefront's session cookie (a cart, a login)? */
export function hasSession(cookieHeader = "") {
  return cookieHeader.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * Weak ETag of a page body, blind to the per-render CSP nonce.
 * @param {Buffer} body  @param {string | undefined} nonce
 */
export function pageEtag(body, nonce) {
  const text = nonce ? body.toString("utf8").replaceAll(nonce, "") : body;
  return `W/"${createHash("sha1").update(text).digest("base64url")}"`;
}

/** @param {string | undefined} header  @param {string} etag */
function matches(header, etag) {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === bare;
  });
}

/** Express middleware; install it after compression so it sees (and hashes) the plain body. */
export function pageCaching() {
  return (req, res, next) => {
    const kind = pageClass(req.path);
    if (kind === "other") return next();
    const cacheable =
      kind === "catalogue" && (req.method === "GET" || req.method === "HEAD") && !hasSession(req.get("cookie"));
    if (!cacheable) {
      // Personal page, a write, or a visitor with a session: whatever the route said, never stored.
      const writeHead = res.writeHead;
      res.writeHead = function (...args) {
        if (!res.headersSent) res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
        return writeHead.apply(this, args);
      };
      return next();
    }
    // Anonymous catalogue page: hold the body to hash it (the page is rendered in full anyway).
    const chunks = [];
    const write = res.write;
    const end = res.end;
    res.write = (chunk, encoding, callback) => {
      if (chunk)
        chunks.push(
          Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
        );
      if (typeof encoding === "function") encoding();
      else if (typeof callback === "function") callback();
      return true;
    };
    res.end = (chunk, encoding, callback) => {
      if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
      if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
      if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding ?? "utf8"));
      res.write = write;
      res.end = end;
      const body = Buffer.concat(chunks);
      if (res.statusCode !== 200 || res.getHeader("set-cookie")) {
        if (res.getHeader("set-cookie")) res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
        return end.call(res, body, callback);
      }
      const etag = pageEtag(body, res.locals.cspNonce);
      res.setHeader("Cache-Control", CATALOGUE_CACHE_CONTROL);
      res.setHeader("ETag", etag);
      res.vary("Cookie");
      if (matches(req.get("if-none-match"), etag)) {
        res.statusCode = 304;
        for (const name of ["content-type", "content-length", "content-security-policy", "transfer-encoding"]) {
          res.removeHeader(name);
        }
        return end.call(res, undefined, callback);
      }
      res.setHeader("Content-Length", body.length);
      return end.call(res, req.method === "HEAD" ? undefined : body, callback);
    };
    next();
  };
}
