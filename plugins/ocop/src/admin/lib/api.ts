import { adminLang, adminText } from "./i18n"

/** Early answers by path (requestEarly, below). */
const early = new Map<string, { at: number; answer: Promise<unknown>; value?: unknown }>()
const EARLY_FRESH_MS = 10_000

/**
 * The admin dashboard is served by the backend itself: same origin, session cookie. A refusal is
 * thrown in the admin's language when the API sends one (`message_vi`), else as the API wrote it.
 */
export async function ocopAdmin<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  // A decision changes what the early answers say: the next reads ask the server.
  if (init?.method && init.method !== "GET") early.clear()
  const res = await fetch(`/admin/ocop${path}`, {
    method: init?.method ?? "GET",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const data = (await res.json().catch(() => ({}))) as { message?: string; message_vi?: string; message_en?: string }
  if (!res.ok) {
    const vi = adminLang() === "vi"
    const message = (vi ? data.message_vi : data.message_en) ?? data.message
    throw new Error(message ?? adminText("requestFailed", { status: res.status }))
  }
  return data as T
}

export const formatDate = (value?: string | null) =>
  value
    ? new Date(value).toLocaleDateString(adminLang() === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh" })
    : "—"

/**
 * GETs asked for as soon as the dashboard's code runs on a page that will need them, instead of when
 * the component mounts: Medusa mounts a product page's widgets only after its own product query has
 * answered and the page has rendered, so the panel's call would wait for both (the waterfall
 * bench/admin-browser.mjs prints). Every read of the same path shares the early answer — the
 * dashboard runs the widget's effect twice on a page load — until it is 10 s old or the admin
 * sends a decision (any non-GET call).
 */

/** Starts `GET /admin/ocop<path>` now when the address bar's path matches `page` (a full page load). */
export function requestEarly(page: RegExp, path: (match: RegExpExecArray) => string) {
  if (typeof window === "undefined") return
  const match = page.exec(window.location.pathname)
  if (!match) return
  const key = path(match)
  const entry: { at: number; answer: Promise<unknown>; value?: unknown } = { at: Date.now(), answer: ocopAdmin(key) }
  entry.answer.then(
    (value) => {
      entry.value = value
    },
    () => early.delete(key)
  )
  early.set(key, entry)
}

/**
 * The early answer for `path` when it has already arrived and is fresh: a component's first render
 * can show it at once, in the same commit as the page around it, instead of one render later.
 */
export function earlyAnswer<T>(path: string): T | undefined {
  const hit = early.get(path)
  return hit && Date.now() - hit.at <= EARLY_FRESH_MS ? (hit.value as T | undefined) : undefined
}

/** `GET /admin/ocop<path>`: the early answer while it is fresh, else a new request. */
export function ocopAdminGet<T>(path: string): Promise<T> {
  const hit = early.get(path)
  if (!hit || Date.now() - hit.at > EARLY_FRESH_MS) {
    early.delete(path)
    return ocopAdmin<T>(path)
  }
  return (hit.answer as Promise<T>).catch(() => ocopAdmin<T>(path))
}
