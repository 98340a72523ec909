import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { UpdateFulfillmentDTO } from "@medusajs/framework/types"

type FulfilmentUpdate = { id: string; metadata: Record<string, unknown>; delivered_at?: Date }
type Before = { id: string; metadata: Record<string, unknown> | null; delivered_at: Date | null }

/** Writes the fulfilments' new state; its compensation puts back their metadata and delivery time. */
export const updateFulfilmentsStep = createStep(
  "ocop-update-fulfilments",
  async (updates: FulfilmentUpdate[], { container }) => {
    const fulfilment = container.resolve(Modules.FULFILLMENT)
    const before: Before[] = []
    for (const u of updates) {
      const row = await fulfilment.retrieveFulfillment(u.id)
      before.push({ id: row.id, metadata: row.metadata ?? null, delivered_at: (row.delivered_at as Date) ?? null })
      const change: UpdateFulfillmentDTO = { metadata: u.metadata }
      if (u.delivered_at) change.delivered_at = u.delivered_at
      await fulfilment.updateFulfillment(u.id, change)
    }
    return new StepResponse(
      updates.map((u) => u.id),
      before
    )
  },
  async (before, { container }) => {
    if (!before?.length) return
    const fulfilment = container.resolve(Modules.FULFILLMENT)
    for (const b of before) {
      await fulfilment.updateFulfillment(b.id, { metadata: b.metadata, delivered_at: b.delivered_at })
    }
  }
)
