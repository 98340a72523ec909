import type { MiddlewareFunction, MiddlewareRoute, RouteVerb } from "@medusajs/framework/http"

/** One route as a row: its method, its path, then what runs before its handler, in order. */
export type RouteRow = [RouteVerb, string, ...MiddlewareFunction[]]

/**
 * A table of routes, one row each, read top to bottom as Medusa matches them: shorter to scan than
 * one `{ matcher, method, middlewares }` object per route.
 */
export function routeTable(rows: RouteRow[]): MiddlewareRoute[] {
  return rows.map(([method, matcher, ...middlewares]) => ({ matcher, method: [method], middlewares }))
}
