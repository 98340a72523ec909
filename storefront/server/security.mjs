// HTTP-level protections of the storefront, applied once in the Express server (server.mjs)
// before Remix sees a request: Remix v2 has no middleware that runs before an action, and an
// action reached through a `?_data=` / `.data` request or a resource route gets no check of its own.
import crypto from "node:crypto";
import helmet from "helmet";

/** Methods that never change anything here; everything else must come from this site. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_REFUSAL =
  "Yêu cầu bị từ chối: nó được gửi từ một trang web khác.\nRequest refused: it was sent from another website.\n";

/**
 * Is this request a cross-site write? The same algorithm as Go 1.25's CrossOriginProtection:
 * browsers since 2023 send `Sec-Fetch-Site`, which is decisive; older ones send `Origin` on every
 * POST, compared with the Host the request was sent to. A request with neither header does not
 * come from a browser (curl, the benchmarks) and cannot carry a victim's cookies, so it passes.
 *
 * @param {{ method: string, secFetchSite?: string | null, origin?: string | null, host?: string | null }} request
 * @returns {boolean}
 */
export function isCrossSiteWrite({ method, secFetchSite, origin, host }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (secFetchSite) return secFetchSite !== "same-origin" && secFetchSite !== "none";
  if (!origin) return false;
  if (!host) return true;
  try {
    return new URL(origin).host !== host.toLowerCase();
  } catch {
    return true; // "null" (sandboxed frames, data: pages) and garbage
  }
}

/** Express middleware: a cross-site write gets 403 and never reaches a loader, an action or a resource route. */
export function refuseCrossSiteWrites() {
  return (req, res, next) => {
    const crossSite = isCrossSiteWrite({
      method: req.method,
      secFetchSite: req.get("sec-fetch-site"),
      origin: req.get("origin"),
      host: req.get("host"),
    });
    if (!crossSite) return next();
    res
      .status(403)
      .set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
      .send(CROSS_SITE_REFUSAL);
  };
}

/** Express middleware: a fresh nonce for each response, for the CSP header and Remix's inline scripts. */
export function cspNonce() {
  return (_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  };
}

/** The origin product images are served from (Medusa's /static), for img-src. */
function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Security headers from helmet. The CSP allows scripts and styles only from this site or carrying
 * this response's nonce (Remix's inline hydration scripts, the inlined stylesheet), no framing at
 * all, and images from this site, the backend and any https: host (producers' logos may live
 * anywhere; images cannot run).
 * HSTS only in production: a developer on plain http must not pin localhost to https.
 *
 * @param {{ production: boolean, backendUrl?: string }} options
 */
export function securityHeaders({ production, backendUrl }) {
  const backend = backendUrl ? originOf(backendUrl) : null;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        scriptSrcAttr: ["'none'"],
        // the nonce admits the stylesheet each page carries inline (app/lib/page-css.tsx)
        styleSrc: ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        imgSrc: ["'self'", "data:", "https:", ...(backend ? [backend] : [])],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
}
