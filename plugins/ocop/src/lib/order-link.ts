/**
 * The key in an order's link (confirmation email → order page): an HMAC of the order id under the
 * backend's configured JWT secret, so a link cannot be made from the order id alone and nothing is
 * stored. Rotating JWT_SECRET retires old links, as it does sessions.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

export function orderLinkKey(orderId: string, secret: string): string {
  return createHmac("sha256", secret).update(`ocop-order-link:${orderId}`).digest("base64url").slice(0, 32)
}

export function isOrderLinkKey(orderId: string, key: unknown, secret: string): boolean {
  if (typeof key !== "string" || key.length !== 32) return false
  const expected = Buffer.from(orderLinkKey(orderId, secret))
  const given = Buffer.from(key)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
