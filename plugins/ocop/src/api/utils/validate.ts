import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

/** Turns zod issues into { field: message } so forms can show each error next to its field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_"
    if (!errors[key]) errors[key] = issue.message
  }
  return errors
}

export function sendFieldErrors(res: MedusaResponse, errors: Record<string, string>) {
  const message = "Invalid request: " + Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join("; ")
  res.status(400).json({ type: "invalid_data", message, errors })
}

/** Like Medusa's validateAndTransformBody, but the 400 lists every bad field separately. */
export function validateBody(schema: z.ZodType) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.body ?? {})
    if (!parsed.success) return sendFieldErrors(res, fieldErrors(parsed.error))
    ;(req as any).validatedBody = parsed.data
    next()
  }
}

export function validateQuery(schema: z.ZodType) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.query ?? {})
    if (!parsed.success) return sendFieldErrors(res, fieldErrors(parsed.error))
    ;(req as any).validatedQuery = parsed.data
    next()
  }
}
