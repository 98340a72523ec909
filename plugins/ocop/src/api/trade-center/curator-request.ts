import type { MedusaRequest } from "@medusajs/framework/http"

/** The trade centre a curator works for, set by `ensureCuratorAccount` on every /trade-center route. */
export type CuratorTradeCenter = { id: string; name: string; province_code: string }

type Validated<Q, B> = { tradeCenter: CuratorTradeCenter; validatedQuery: Q; validatedBody: B }

/** What the middlewares attached to a curator's request, typed once instead of cast in every route. */
export function curatorRequest<Q = Record<string, unknown>, B = Record<string, unknown>>(req: MedusaRequest) {
  const r = req as unknown as Validated<Q, B>
  return { center: r.tradeCenter, query: r.validatedQuery, body: r.validatedBody }
}
