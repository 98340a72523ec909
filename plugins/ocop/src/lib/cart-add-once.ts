import { createHash, createHmac, randomUUID } from "node:crypto"
import type { ILockingModule } from "@medusajs/framework/types"
import { bilingual, cartAddRecordKey } from "./conflicts"

/**
 * One effect per Idempotency-Key on a cart's add routes (api/utils/cart-add-once.ts) and on the start of a
 * cart with its first line (workflows/cart/start-cart-with-line.ts). Two records per key and cart in the
 * Locking Module (Redis in a cluster), both locks nobody releases until they expire: the first says an add
 * took effect under the key; the second is owned by the fingerprint of that add's body, so a request
 * that reuses the key for a different body is told so instead of being answered with the first outcome.
 */

/** How long an add's key is remembered: well past any double click, retry or back-and-resubmit. */
export const CART_ADD_KEY_SECONDS = 15 * 60

const cartAddBodyKey = (cartId: string, key: string) => `ocop:cart-add-body:${cartId}:${key}`

export type CartAddBody = { variant_id: string; quantity: number }

/** What identifies an add's body: the product and the units (the start route's region is not an add's). */
export const addFingerprint = (body: CartAddBody) =>
  `body:${createHash("sha256")
    .update(JSON.stringify([body.variant_id, body.quantity]))
    .digest("hex")
    .slice(0, 32)}`

/**
 * Whether this request is the first under its key ("first": its records are now taken), a replay of
 * the same body ("replay") or the key reused for another body ("mismatch"). Callers serialise the adds
 * of one cart (its lock) around this and the add, so two firsts cannot interleave.
 */
export async function claimAdd(
  locking: ILockingModule,
  cartId: string,
  key: string,
  fingerprint: string
): Promise<{ outcome: "first"; owner: string } | { outcome: "replay" } | { outcome: "mismatch" }> {
  const owner = randomUUID()
  const first = await locking
    .acquire(cartAddRecordKey(cartId, key), { ownerId: owner, expire: CART_ADD_KEY_SECONDS })
    .then(
      () => true,
      () => false
    )
  // Taking the body record again with the same owner succeeds (and extends it) only for the same body.
  const sameBody = await locking
    .acquire(cartAddBodyKey(cartId, key), { ownerId: fingerprint, expire: CART_ADD_KEY_SECONDS })
    .then(
      () => true,
      () => false
    )
  if (first) return { outcome: "first", owner }
  return sameBody ? { outcome: "replay" } : { outcome: "mismatch" }
}

/** A refused first add leaves no record: the same key may try again, with any body. */
export async function forgetAdd(
  locking: ILockingModule,
  cartId: string,
  key: string,
  owner: string,
  fingerprint: string
) {
  await Promise.all([
    locking.release(cartAddRecordKey(cartId, key), { ownerId: owner }).catch(() => undefined),
    locking.release(cartAddBodyKey(cartId, key), { ownerId: fingerprint }).catch(() => undefined),
  ])
}

/**
 * The id of the cart an Idempotency-Key starts: keyed with the server's secret, so only whoever holds
 * the key (the shopper's browser session) can name the cart, and the same key always names the same one.
 */
export function cartIdOfStartKey(secret: string, key: string) {
  const digest = createHmac("sha256", secret).update(`ocop-cart-start:${key}`).digest("hex")
  return `cart_${digest.slice(0, 26).toUpperCase()}`
}

/** The code of that 409, the same on every add route. */
export const KEY_REUSED = "idempotency_key_reused"

/** The 409 for a key reused with another body, naming the key (the shopper's client sent both). */
export const keyReusedText = (key: string) =>
  bilingual(
    `Khoá Idempotency-Key “${key}” đã được dùng cho một lần thêm sản phẩm khác vào giỏ hàng này; ` +
      "hãy dùng một khoá mới cho yêu cầu mới.",
    `The Idempotency-Key “${key}” was already used for a different add to this cart; ` +
      "use a new key for a new request."
  )
