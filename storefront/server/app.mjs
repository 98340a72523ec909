// The storefront's Express app: what `remix-serve` does (compression, static files, request log,
// the Remix handler) plus the protections of server/security.mjs, in the order that matters:
// headers on every response, the cross-site check before any Remix code runs.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { englishBuild, isEnglishPath } from "./language.mjs";
import { cspNonce, refuseCrossSiteWrites, securityHeaders } from "./security.mjs";
import { passRequestIdTo, requestId } from "./request-id.mjs";
import { pageCaching } from "./cache.mjs";

/**
 * Express's "trust proxy" setting from STOREFRONT_TRUSTED_PROXIES: which hops may state the
 * shopper's address in X-Forwarded-For. Default "loopback" (a reverse proxy on this machine);
 * "none" believes no one, so the address is the socket's. Anyone else could write any address there.
 * @param {string | undefined} value
 */
export function trustedProxies(value = "loopback") {
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length === 0 || list.includes("none") ? false : list;
}

/**
 * What the Remix loaders and actions get besides the request (see AppLoadContext in
 * entry.server.tsx): the CSP nonce and the shopper's address, which the portal calls pass on to
 * the backend so that its per-address login limits count each shopper, not the storefront.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
export function storefrontLoadContext(req, res) {
  return { cspNonce: res.locals.cspNonce, clientIp: req.ip };
}

/**
 * @param {{ build: import("@remix-run/node").ServerBuild, production: boolean, backendUrl?: string,
 *           clientDir?: string, log?: boolean, trustProxy?: string }} options
 */
export function createStorefrontApp({
  build,
  production,
  backendUrl,
  clientDir = "build/client",
  log = true,
  trustProxy,
}) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustedProxies(trustProxy));
  app.use(requestId());
  passRequestIdTo(backendUrl);
  app.use(cspNonce());
  app.use(securityHeaders({ production, backendUrl }));
  app.use(refuseCrossSiteWrites());
  app.use(compression());
  // After compression: it hashes the plain page for its ETag (server/cache.mjs).
  app.use(pageCaching());
  // Fingerprinted bundles never change; the rest of the public folder (favicon) may.
  app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(clientDir, { maxAge: "1h" }));
  if (log) app.use(morgan(":method :url :status :res[content-length] - :response-time ms id=:res[x-request-id]"));
  const mode = production ? "production" : "development";
  const vietnamese = createRequestHandler({ build, mode, getLoadContext: storefrontLoadContext });
  const english = createRequestHandler({ build: englishBuild(build), mode, getLoadContext: storefrontLoadContext });
  // English pages are the same routes under /en (server/language.mjs).
  app.all("*", (req, res, next) => (isEnglishPath(req.path) ? english : vietnamese)(req, res, next));
  return app;
}
