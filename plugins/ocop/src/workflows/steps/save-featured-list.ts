import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import { featuredListToChange } from "../../lib/featured"
import type { AuditActor } from "../../lib/audit"

export type SaveFeaturedListInput = {
  id?: string
  title_vi: string
  title_en?: string | null
  placement: "home" | "province" | "campaign"
  province_code?: string | null
  product_ids: string[]
  starts_at?: string | Date | null
  ends_at?: string | Date | null
  /** Set for curators: the list belongs to their centre and province. */
  trade_center_id?: string | null
} & AuditActor

export const saveFeaturedListStep = createStep(
  "ocop-save-featured-list",
  async (input: SaveFeaturedListInput, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    // Another centre's list is "not found" before anything about the body is said.
    const before = input.id ? await featuredListToChange(ocop, input.id, input.trade_center_id) : undefined
    if (input.placement !== "home" && !input.province_code) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A province or campaign list needs a province.")
    }
    if (input.starts_at && input.ends_at && new Date(input.ends_at) <= new Date(input.starts_at)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "ends_at must be after starts_at.")
    }
    const unique = [...new Set(input.product_ids)]
    const found = await container.resolve(Modules.PRODUCT).listProducts({ id: unique }, { select: ["id"] })
    if (found.length !== unique.length) {
      const known = new Set(found.map((p: any) => p.id))
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Unknown products: ${unique.filter((id) => !known.has(id)).join(", ")}.`
      )
    }
    // A trade centre promotes its own province's producers only; the platform may feature anyone.
    if (input.trade_center_id) {
      const { data } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product", fields: ["id", "producer.province_code"], filters: { id: unique } })
      const outside = data.filter((p: any) => p.producer?.province_code !== input.province_code).map((p: any) => p.id)
      if (outside.length) {
        throw new MedusaError(
          MedusaError.Types.FORBIDDEN,
          `A trade centre features only products of its own province (${input.province_code}); not: ${outside.join(", ")}.`
        )
      }
    }
    const fields = {
      title_vi: input.title_vi,
      title_en: input.title_en ?? null,
      placement: input.placement,
      province_code: input.province_code ?? null,
      product_ids: unique,
      starts_at: input.starts_at ? new Date(input.starts_at) : null,
      ends_at: input.ends_at ? new Date(input.ends_at) : null,
      trade_center_id: input.trade_center_id ?? null,
    }
    if (input.id) {
      const updated = await ocop.updateFeaturedLists({ id: input.id, ...fields } as any)
      return new StepResponse(updated, { before })
    }
    const created = await ocop.createFeaturedLists(fields as any)
    return new StepResponse(created, { createdId: created.id })
  },
  async (undo: any, { container }) => {
    if (!undo) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    if (undo.createdId) await ocop.deleteFeaturedLists(undo.createdId)
    if (undo.before) {
      const { created_at, updated_at, deleted_at, ...restore } = undo.before
      await ocop.updateFeaturedLists(restore)
    }
  }
)
