import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { refuseIllFormedText } from "../../lib/well-formed-text"

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
  const message =
    "Invalid request: " +
    Object.entries(errors)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; ")
  res.status(400).json({ type: "invalid_data", message, errors })
}

// Every string of every request we validate is well-formed text (no NUL, no lone surrogates),
// checked before the route's own schema so the 400 names the field instead of the database failing.
const wellFormedText = z.any().superRefine(refuseIllFormedText)

function parse(schema: z.ZodType, input: unknown) {
  const text = wellFormedText.safeParse(input)
  if (!text.success) return text
  return schema.safeParse(input)
}

/** A middleware that parses the request's body or query with `schema`: a 400 listing every bad field, or next(). */
function validating(schema: z.ZodType, from: "body" | "query", into: "validatedBody" | "validatedQuery") {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = parse(schema, req[from] ?? {})
    if (!parsed.success) return sendFieldErrors(res, fieldErrors(parsed.error))
    ;(req as any)[into] = parsed.data
    next()
  }
}

/** Like Medusa's validateAndTransformBody, but the 400 lists every bad field separately. */
export const validateBody = (schema: z.ZodType) => validating(schema, "body", "validatedBody")

export const validateQuery = (schema: z.ZodType) => validating(schema, "query", "validatedQuery")
