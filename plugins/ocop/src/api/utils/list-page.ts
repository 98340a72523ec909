/** One page of a list route, newest first, as its validated `limit` and `offset` ask. */
export function newestFirst({ limit, offset }: { limit: number; offset: number }) {
  return { take: limit, skip: offset, order: { created_at: "DESC" as const } }
}
