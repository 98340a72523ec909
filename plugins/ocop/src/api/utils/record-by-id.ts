import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * One record of `entity` by its id through Query — so the fields may reach across module links
 * (a product's producer, an order's payments) — or undefined when there is none.
 */
export async function recordById<Record = unknown>(
  scope: MedusaContainer,
  entity: string,
  id: string,
  fields: string[]
): Promise<Record | undefined> {
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity, fields, filters: { id } })
  return data[0] as Record | undefined
}
