import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listProvinces } from "../../../../lib/provinces"

/** The 34 provincial units in force since 2025-07-01, each with the former provinces merged into it. */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.setHeader("Cache-Control", "public, max-age=3600")
  res.json({
    provinces: listProvinces().map((p) => ({
      code: p.code,
      slug: p.slug,
      name_vi: p.name_vi,
      full_name_vi: p.full_name_vi,
      name_ascii: p.name_ascii,
      type: p.type,
      region: p.region,
      aliases: p.aliases,
      former_provinces: p.former_provinces.map((f) => ({ code: f.code, slug: f.slug, name_vi: f.name_vi })),
    })),
  })
}
