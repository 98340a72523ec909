/**
 * Remix's default Node entry (streaming, bots get the whole page at once), plus the CSP nonce:
 * the server puts a fresh one in each response's Content-Security-Policy and in the load
 * context; it is handed to React (its own inline scripts), to RemixServer (the streamed data
 * scripts) and, through NonceContext, to <Scripts> and <ScrollRestoration> in root.tsx.
 */
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/lib/nonce";
import { PageCssContext } from "~/lib/page-css";
// The stylesheet's text, inlined in every page (lib/page-css.tsx); the client build links the same file.
import pageCss from "~/tailwind.css?inline";

/** Not under `remix vite:dev`, whose hot reload replaces the linked stylesheet. */
const inlinedCss = process.env.NODE_ENV === "production" ? pageCss : undefined;

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by server.mjs; absent under `remix vite:dev`, which sends no CSP. */
    cspNonce?: string;
    /** The shopper's address (server.mjs; X-Forwarded-For only from STOREFRONT_TRUSTED_PROXIES). */
    clientIp?: string;
    /** The cart's item count after this request's action, for the loaders that render after it. */
    cartCountAfterAction?: number;
  }
}

/** How long streamed data may take before the response gives up (Remix reads this export). */
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext
) {
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(
        new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode })
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <PageCssContext.Provider value={inlinedCss}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </PageCssContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors while rendering the shell reject above and are logged by Remix.
          if (shellRendered) console.error(error);
        },
      }
    );
    // Give pending promises a second beyond streamTimeout to reject and render their fallback.
    setTimeout(abort, streamTimeout + 1000);
  });
}
