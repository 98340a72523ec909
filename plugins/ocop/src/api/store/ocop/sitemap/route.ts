import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { sitemapPage } from "../../../../lib/sitemap"
import type { StoreSitemap } from "../validators"

/** GET /store/ocop/sitemap?kind=products|producers&page=1&limit=5000 — handles for the storefront's sitemap. */
export async function GET(req: MedusaRequest<unknown, z.infer<typeof StoreSitemap>>, res: MedusaResponse) {
  const { kind, page, limit } = req.validatedQuery
  res.setHeader("Cache-Control", "public, max-age=300")
  res.json({ kind, page, limit, ...(await sitemapPage(req.scope, kind, page, limit)) })
}
