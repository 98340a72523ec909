import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { marketplaceStockLocationId } from "../../lib/stock"

export type SetVariantStockInput = { variant_id?: string | null; stocked_quantity?: number | null }

type Undo = {
  created?: string
  updated?: { inventory_item_id: string; location_id: string; stocked_quantity: number }
} | null

/**
 * Sets how many units of a variant are in stock at the marketplace location (decision 019): the
 * level of its inventory item is created there the first time, updated afterwards. The variant's
 * inventory item is made by Medusa when `manage_inventory` is turned on (before this step).
 * Nothing to do without a figure. Compensation restores the previous figure or removes the level.
 */
export const setVariantStockStep = createStep(
  "ocop-set-variant-stock",
  async (input: SetVariantStockInput, { container }) => {
    if (!input.variant_id || input.stocked_quantity === undefined || input.stocked_quantity === null)
      return new StepResponse(null, null as Undo)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { id: input.variant_id },
    })
    const itemId = (
      data[0] as { inventory_items?: Array<{ inventory_item_id?: string } | null> } | undefined
    )?.inventory_items?.find((ii) => ii?.inventory_item_id)?.inventory_item_id
    if (!itemId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variant ${input.variant_id} has no inventory item.`)
    }
    const locationId = await marketplaceStockLocationId(container)
    const inventory = container.resolve(Modules.INVENTORY)
    const [level] = await inventory.listInventoryLevels(
      { inventory_item_id: itemId, location_id: locationId },
      { take: 1 }
    )
    if (!level) {
      const created = await inventory.createInventoryLevels([
        { inventory_item_id: itemId, location_id: locationId, stocked_quantity: input.stocked_quantity },
      ])
      return new StepResponse({ inventory_item_id: itemId }, { created: created[0].id } as Undo)
    }
    await inventory.updateInventoryLevels([
      { inventory_item_id: itemId, location_id: locationId, stocked_quantity: input.stocked_quantity },
    ])
    return new StepResponse({ inventory_item_id: itemId }, {
      updated: { inventory_item_id: itemId, location_id: locationId, stocked_quantity: Number(level.stocked_quantity) },
    } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const inventory = container.resolve(Modules.INVENTORY)
    if (undo.created) await inventory.deleteInventoryLevels([undo.created])
    if (undo.updated) await inventory.updateInventoryLevels([undo.updated])
  }
)
