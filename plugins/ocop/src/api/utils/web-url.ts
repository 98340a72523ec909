import { z } from "@medusajs/framework/zod"

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"])

/**
 * Whether a URL may be stored and later shown as a link or image to shoppers: `https:` always,
 * `http:` outside production and for this machine (the seed's images on http://localhost:9000).
 * Anything else — `javascript:`, `data:`, `file:`, relative or malformed text — is refused.
 */
export function isWebUrl(value: string, production = process.env.NODE_ENV === "production"): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol === "https:") return true
  return url.protocol === "http:" && (!production || LOCAL_HOSTS.has(url.hostname))
}

/** The one schema for every URL field a client may set (logos, evidence, traceability pages). */
export const webUrl = z
  .string()
  .trim()
  .max(2048, "A web address has at most 2048 characters.")
  .refine((v) => isWebUrl(v), { message: "Enter a web address starting with https:// (http:// only in development)." })
