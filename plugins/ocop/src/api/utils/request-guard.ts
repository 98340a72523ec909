import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fieldName, findIllFormedText, illFormedTextProblem } from "../../lib/well-formed-text"
import { sendFieldErrors } from "./validate"

function malformedEncoding(raw: string): string | null {
  for (const pair of raw.split("&")) {
    const eq = pair.indexOf("=")
    const key = eq < 0 ? pair : pair.slice(0, eq)
    for (const part of [key, eq < 0 ? "" : pair.slice(eq + 1)]) {
      try {
        decodeURIComponent(part.replace(/\+/g, " "))
      } catch {
        return key.slice(0, 40) || "query"
      }
    }
  }
  return null
}

/**
 * The first of our middlewares on every route, Medusa's included: refuses with a 400 naming the
 * field what would otherwise reach a handler or the database and fail there as a 500 —
 * malformed percent-encoding in the address, NUL characters or lone surrogates in any string
 * of the query or body. (Medusa parses queries with qs: at most 1,000 parameters, depth 5.)
 * (Express refuses a malformed path parameter before this runs; error-handler.ts words that 400.)
 */
export function guardRequest(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const [rawPath, ...rest] = req.originalUrl.split("?")
  const rawQuery = rest.join("?")

  for (const segment of rawPath.split("/")) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return sendFieldErrors(res, {
        path: "The address contains malformed percent-encoding (e.g. a % not followed by two hex digits).",
      })
    }
    const problem = illFormedTextProblem(decoded)
    if (problem) return sendFieldErrors(res, { path: `The address ${problem}.` })
  }
  if (rawQuery) {
    const param = malformedEncoding(rawQuery)
    if (param)
      return sendFieldErrors(res, { [param]: "Malformed percent-encoding (e.g. a % not followed by two hex digits)." })
  }
  const issues = [
    ...findIllFormedText(req.query ?? {}),
    ...(req.body && typeof req.body === "object"
      ? findIllFormedText(req.body)
      : typeof req.body === "string"
        ? findIllFormedText(req.body)
        : []),
  ]
  if (issues.length) {
    const errors: Record<string, string> = {}
    for (const issue of issues) errors[fieldName(issue.path)] ??= `Text ${issue.message}.`
    return sendFieldErrors(res, errors)
  }
  next()
}
