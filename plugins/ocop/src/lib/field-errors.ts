import { MedusaError } from "@medusajs/framework/utils"

/** Field errors found inside a workflow become one 400 that names each field ("field: message …"). */
export function throwFieldErrors(errors: Record<string, string>): void {
  if (!Object.keys(errors).length) return
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    Object.entries(errors)
      .map(([k, v]) => `${k}: ${v}`)
      .join(" ")
  )
}
