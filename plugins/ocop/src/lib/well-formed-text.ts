/**
 * Text that can be stored and shown: no NUL characters (Postgres refuses them in text and jsonb,
 * which surfaced as 500s) and well-formed Unicode (no lone UTF-16 surrogates, which jsonb refuses
 * and which no Vietnamese text contains). One rule for every string that reaches us: the early
 * request guard applies it to every route's query and body, our validators apply it again to what
 * they parse (also when a workflow is called without HTTP).
 */

const NUL = /\u0000/
// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const ILL_FORMED_TEXT = {
  nul: "must not contain NUL characters (\\u0000)",
  surrogate: "must be well-formed Unicode text (it contains a lone surrogate)",
} as const

/** Why this string cannot be accepted, or null when it is fine. */
export function illFormedTextProblem(value: string): string | null {
  if (NUL.test(value)) return ILL_FORMED_TEXT.nul
  if (LONE_SURROGATE.test(value)) return ILL_FORMED_TEXT.surrogate
  return null
}

export type TextIssue = { path: Array<string | number>; message: string }

const MAX_DEPTH = 32

/**
 * Every ill-formed string in a parsed JSON body or query (values and keys), with its path.
 * Walks own keys only, so a sparse array from `?a[999999999]=x` costs one step, not a billion.
 */
export function findIllFormedText(
  value: unknown,
  path: Array<string | number> = [],
  found: TextIssue[] = [],
  depth = 0
): TextIssue[] {
  if (found.length >= 20) return found
  if (typeof value === "string") {
    const problem = illFormedTextProblem(value)
    if (problem) found.push({ path, message: problem })
    return found
  }
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return found
  if (Buffer.isBuffer(value) || value instanceof Date) return found
  for (const key of Object.keys(value)) {
    const keyProblem = illFormedTextProblem(key)
    if (keyProblem) found.push({ path: [...path, key], message: `the field name ${keyProblem}` })
    const step = Array.isArray(value) && /^\d+$/.test(key) ? Number(key) : key
    findIllFormedText((value as any)[key], [...path, step], found, depth + 1)
  }
  return found
}

/** How a path is named in a 400: `evidence.0.name`, or `_` for the whole body. */
export const fieldName = (path: Array<string | number>) => (path.length ? path.join(".") : "_")

/**
 * The shared zod refinement: `schema.superRefine(refuseIllFormedText)` or, for a whole request,
 * `z.any().superRefine(refuseIllFormedText)`. Written against the issue API that zod 3 and the
 * zod re-exported by @medusajs/framework share, so both plugins use this one function.
 */
export function refuseIllFormedText(value: unknown, ctx: { addIssue: (issue: any) => void }) {
  for (const issue of findIllFormedText(value)) {
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message })
  }
}
