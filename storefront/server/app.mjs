// The storefront's Express app: what `remix-serve` does (compression, static files, request log,
// the Remix handler) plus the protections of server/security.mjs, in the order that matters:
// headers on every response, the cross-site check before any Remix code runs.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { cspNonce, refuseCrossSiteWrites, securityHeaders } from "./security.mjs";

/**
 * @param {{ build: import("@remix-run/node").ServerBuild, production: boolean, backendUrl?: string,
 *           clientDir?: string, log?: boolean }} options
 */
export function createStorefrontApp({ build, production, backendUrl, clientDir = "build/client", log = true }) {
  const app = express();
  app.disable("x-powered-by");
  app.use(cspNonce());
  app.use(securityHeaders({ production, backendUrl }));
  app.use(refuseCrossSiteWrites());
  app.use(compression());
  // Fingerprinted bundles never change; the rest of the public folder (favicon) may.
  app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(clientDir, { maxAge: "1h" }));
  if (log) app.use(morgan("tiny"));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
    })
  );
  return app;
}
