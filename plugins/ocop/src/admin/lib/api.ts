// The admin dashboard is served by the backend itself: same origin, session cookie.
export async function ocopAdmin<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(`/admin/ocop${path}`, {
    method: init?.method ?? "GET",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error((data as any).message ?? `Request failed (${res.status})`)
  return data as T
}

export const formatDate = (value?: string | null) => (value ? new Date(value).toLocaleDateString("vi-VN") : "—")
