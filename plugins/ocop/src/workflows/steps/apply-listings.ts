import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE } from "../../modules/ocop"
import type OcopModuleService from "../../modules/ocop/services/ocop-module-service"
import { getMarketplaceChannelId } from "../../lib/marketplace-channel"
import type { ListingEvaluation } from "./evaluate-listings"
import { listingChanges } from "../../observability/metrics"

export type AppliedListings = { listed: string[]; delisted: string[]; product_ids: string[] }

type Snapshot = { added: string[]; removed: string[]; previousRows: any[]; createdRowIds: string[] }

/**
 * Writes the gate's verdicts: marketplace sales-channel membership and ocop_product_listing rows.
 * The only code that adds products to the marketplace channel.
 */
export const applyListingsStep = createStep(
  "ocop-apply-listings",
  async (evaluations: ListingEvaluation[], { container }) => {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const channelId = await getMarketplaceChannelId(container)
    const now = new Date()

    const toAdd = evaluations.filter((e) => e.exists && e.listed && !e.in_marketplace).map((e) => e.product_id)
    const toRemove = evaluations.filter((e) => e.exists && !e.listed && e.in_marketplace).map((e) => e.product_id)
    const linkRow = (product_id: string) => ({
      [Modules.PRODUCT]: { product_id },
      [Modules.SALES_CHANNEL]: { sales_channel_id: channelId },
    })
    if (toAdd.length) await link.create(toAdd.map(linkRow))
    if (toRemove.length) await link.dismiss(toRemove.map(linkRow))

    const ids = evaluations.map((e) => e.product_id)
    const existing = await ocop.listProductListings({ product_id: ids })
    const existingByProduct = new Map(existing.map((r) => [r.product_id, r]))
    const updates: any[] = []
    const creates: any[] = []
    for (const e of evaluations) {
      const row = {
        product_id: e.product_id,
        producer_id: e.producer_id,
        certification_id: e.certification_id,
        listed: e.exists && e.listed,
        blocked_reasons: e.reasons,
        evaluated_at: now,
      }
      const prev = existingByProduct.get(e.product_id)
      if (prev) updates.push({ id: prev.id, ...row })
      else creates.push(row)
    }
    if (updates.length) await ocop.updateProductListings(updates)
    const created = creates.length ? await ocop.createProductListings(creates) : []

    const previouslyListed = new Set(existing.filter((r) => r.listed).map((r) => r.product_id))
    const result: AppliedListings = {
      product_ids: ids,
      listed: evaluations
        .filter((e) => e.exists && e.listed && (!previouslyListed.has(e.product_id) || toAdd.includes(e.product_id)))
        .map((e) => e.product_id),
      delisted: evaluations
        .filter(
          (e) => !(e.exists && e.listed) && (previouslyListed.has(e.product_id) || toRemove.includes(e.product_id))
        )
        .map((e) => e.product_id),
    }
    if (result.listed.length) listingChanges.inc({ change: "listed" }, result.listed.length)
    if (result.delisted.length) listingChanges.inc({ change: "delisted" }, result.delisted.length)
    const snapshot: Snapshot = {
      added: toAdd,
      removed: toRemove,
      previousRows: existing,
      createdRowIds: created.map((r) => r.id),
    }
    return new StepResponse(result, snapshot)
  },
  async (snapshot, { container }) => {
    if (!snapshot) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const channelId = await getMarketplaceChannelId(container)
    const linkRow = (product_id: string) => ({
      [Modules.PRODUCT]: { product_id },
      [Modules.SALES_CHANNEL]: { sales_channel_id: channelId },
    })
    if (snapshot.added.length) await link.dismiss(snapshot.added.map(linkRow))
    if (snapshot.removed.length) await link.create(snapshot.removed.map(linkRow))
    if (snapshot.createdRowIds.length) await ocop.deleteProductListings(snapshot.createdRowIds)
    if (snapshot.previousRows.length) {
      await ocop.updateProductListings(
        snapshot.previousRows.map((r) => ({
          id: r.id,
          producer_id: r.producer_id,
          certification_id: r.certification_id,
          listed: r.listed,
          blocked_reasons: r.blocked_reasons,
          evaluated_at: r.evaluated_at,
        }))
      )
    }
  }
)
