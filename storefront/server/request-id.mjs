// One id per shopper request, from the proxy's X-Request-Id (nginx sets one) or a new one: sent back
// to the browser, written in the access log, and passed on every call this request makes to the
// backend, whose answers and logs carry the same id (plugins/ocop/src/api/utils/request-identity.ts).
// The calls are made by the Medusa SDK and by our own fetches deep inside loaders; instead of
// threading the id through each, the id lives in an AsyncLocalStorage for the request's duration and
// one wrapper of `fetch` adds it to requests for the backend's origin (no other host ever sees it).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const current = new AsyncLocalStorage();

/** The id of the request being answered, if any. */
export const currentRequestId = () => current.getStore();

/** Wraps global fetch once so calls to `backendUrl` carry the current request's id. */
export function passRequestIdTo(backendUrl) {
  if (!backendUrl || globalThis.fetch.ocopRequestId) return;
  const origin = new URL(backendUrl).origin;
  const plainFetch = globalThis.fetch;
  const fetchWithRequestId = (input, init) => {
    const id = current.getStore();
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input?.url;
    if (!id || !url || !url.startsWith(origin)) return plainFetch(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has("x-request-id")) headers.set("x-request-id", id);
    return plainFetch(input, { ...init, headers });
  };
  fetchWithRequestId.ocopRequestId = true;
  globalThis.fetch = fetchWithRequestId;
}

/** Express middleware: takes or makes the request's id and answers with it. */
export function requestId() {
  return (req, res, next) => {
    const given = req.get("x-request-id");
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader("X-Request-Id", id);
    res.locals.requestId = id;
    current.run(id, next);
  };
}
