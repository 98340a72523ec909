#!/usr/bin/env node
// Production server of the storefront: `node server.mjs` in storefront/ after `npm run build`
// (replaces `remix-serve build/server/index.js`; see server/app.mjs for what it adds).
// Env: PORT (3000), HOST (all interfaces), MEDUSA_BACKEND_URL, SESSION_SECRET (required in production),
// STOREFRONT_TRUSTED_PROXIES (who may set X-Forwarded-For: "loopback" by default, "none", or addresses/CIDRs).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { installGlobals } from "@remix-run/node";
import { createStorefrontApp } from "./server/app.mjs";

process.env.NODE_ENV ??= "production";
const production = process.env.NODE_ENV === "production";
const here = path.dirname(fileURLToPath(import.meta.url));

const buildFile = path.join(here, "build", "server", "index.js");
if (!fs.existsSync(buildFile)) {
  console.error("[storefront] No build found: run `npm run build` in storefront/ first.");
  process.exit(1);
}
let build;
try {
  build = await import(pathToFileURL(buildFile).href);
} catch (error) {
  // A missing setting (SESSION_SECRET in production) is one sentence, not a stack trace.
  console.error(`[storefront] ${error?.name === "ConfigurationError" ? error.message : (error?.stack ?? error)}`);
  process.exit(1);
}
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const app = createStorefrontApp({
  build,
  production,
  backendUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  clientDir: path.join(here, "build", "client"),
  trustProxy: process.env.STOREFRONT_TRUSTED_PROXIES,
});
const port = Number(process.env.PORT || 3000);
const onListen = () => console.log(`[storefront] http://localhost:${port}`);
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close(() => process.exit(0)));
