import { adminLang, adminText } from "./i18n"

/**
 * The admin dashboard is served by the backend itself: same origin, session cookie. A refusal is
 * thrown in the admin's language when the API sends one (`message_vi`), else as the API wrote it.
 */
export async function ocopAdmin<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
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
