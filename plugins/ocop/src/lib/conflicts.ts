/**
 * Requests that race for the same record: the lock each one takes and the words the loser reads
 * (409, Vietnamese first, English after — the convention of our user-facing errors).
 *
 * Locks come from Medusa's Locking Module (Redis when REDIS_URL is set, in-memory otherwise), so
 * they hold across server processes exactly when the rest of the cluster state does.
 */

/** How long a request waits for another one on the same record before it gives up with a 409. */
export const LOCK_WAIT_SECONDS = 10
/** A lock outlives a crashed holder by at most this long. */
export const LOCK_TTL_SECONDS = 60

export const certificationLockKey = (certificationId: string) => `ocop:certification:${certificationId}`
/** One producer's part of one order: two producers of the same order ship independently. */
export const orderPartLockKey = (orderId: string, producerId: string) => `ocop:order-part:${orderId}:${producerId}`
/** Payouts to one producer are recorded one at a time (a bank reference is recorded once). */
export const payoutLockKey = (producerId: string) => `ocop:payout:${producerId}`
/** Checkouts of carts holding the same stocked item run one at a time (api/utils/checkout-gate.ts). */
export const checkoutLockKey = (inventoryItemId: string) => `ocop:checkout:${inventoryItemId}`
/** Adds to one cart that carry an Idempotency-Key run one at a time (api/utils/cart-add-once.ts). */
export const cartAddLockKey = (cartId: string) => `ocop:cart-add:${cartId}`
/** Held (never released) by the add that took effect under that key, until it expires. */
export const cartAddRecordKey = (cartId: string, key: string) => `ocop:cart-add-done:${cartId}:${key}`
/** A cart started with its first line under an Idempotency-Key (workflows/cart/start-cart-with-line.ts). */
export const cartStartLockKey = (cartId: string) => `ocop:cart-start:${cartId}`
export const authIdentityLockKey = (authIdentityId: string) => `ocop:auth-identity:${authIdentityId}`

export const bilingual = (vi: string, en: string) => `${vi} (EN: ${en})`

const STATUS_VI: Record<string, string> = {
  submitted: "đang chờ quyết định",
  approved: "đã được công nhận",
  rejected: "đã bị từ chối",
  expired: "đã hết hạn",
  revoked: "đã bị thu hồi",
  suspended: "đang bị đình chỉ",
}
const ACTION_VI: Record<string, string> = {
  approve: "công nhận",
  reject: "từ chối",
  suspend: "đình chỉ",
  reinstate: "khôi phục",
  revoke: "thu hồi",
  renew: "công nhận lại",
}

export const conflictText = {
  /** The state another request left behind no longer allows this decision. */
  certificationDecided: (status: string, action: string, allowedFrom: string[]) =>
    bilingual(
      `Chứng nhận này ${STATUS_VI[status] ?? status}, không thể ${ACTION_VI[action] ?? action} (chỉ được khi chứng nhận ${allowedFrom.map((s) => STATUS_VI[s] ?? s).join(" hoặc ")}). Hãy tải lại để xem quyết định mới nhất.`,
      `This certification is now "${status}" and cannot be ${action === "renew" ? "renewed" : `given the "${action}" decision`} (only from: ${allowedFrom.join(", ")}). Reload to see the latest decision.`
    ),
  /** Another decision was recorded while this request waited for the certification's lock. */
  certificationDecidedMeanwhile: (status: string, action: string) =>
    bilingual(
      `Trong lúc yêu cầu ${ACTION_VI[action] ?? action} của bạn chờ xử lý, chứng nhận này đã có quyết định khác và nay ${STATUS_VI[status] ?? status}. Hãy tải lại và quyết định lại nếu cần.`,
      `Another decision on this certification was recorded while your "${action}" waited; it is now "${status}". Reload and decide again if still needed.`
    ),
  certificationRenewed: (renewalId: string) =>
    bilingual(
      `Chứng nhận này đã được công nhận lại (hồ sơ mới ${renewalId}); hãy thao tác trên hồ sơ mới.`,
      `This certification has already been renewed (new record ${renewalId}); act on the new record.`
    ),
  orderPartShipped: () =>
    bilingual(
      "Phần đơn hàng của bạn đã được giao vận chuyển hết; không có gì để giao thêm.",
      "Your part of this order has already been shipped; there is nothing left to ship."
    ),
  orderNotShippable: (status: string) =>
    bilingual(
      `Đơn hàng đang ở trạng thái "${status}", không thể giao vận chuyển.`,
      `The order is "${status}" and cannot be shipped.`
    ),
  producerAlreadyRegistered: () =>
    bilingual(
      "Tài khoản đăng nhập này đã có chủ thể OCOP. Hãy đăng nhập lại để tiếp tục với chủ thể đó.",
      "This login already has an OCOP producer. Log in again to continue as that producer."
    ),
  /** The lock was still held when the wait ran out. */
  busy: () =>
    bilingual(
      "Một yêu cầu khác đang xử lý cùng hồ sơ này. Vui lòng thử lại sau giây lát.",
      "Another request is working on the same record. Please try again in a moment."
    ),
  /** Checkout lost the race for the last units. */
  soldOut: () =>
    bilingual(
      "Sản phẩm trong giỏ vừa hết hàng. Vui lòng kiểm tra lại giỏ hàng rồi thử lại.",
      "An item in your cart has just sold out. Please check your cart and try again."
    ),
  /** Checkout waited too long behind other shoppers of the same item. */
  checkoutBusy: () =>
    bilingual(
      "Nhiều người đang đặt cùng sản phẩm này nên sản phẩm có thể đã hết hàng. Vui lòng thử lại sau giây lát.",
      "Many people are ordering the same item right now, so it may be sold out. Please try again in a moment."
    ),
  cartAddBusy: () =>
    bilingual(
      "Giỏ hàng vẫn đang xử lý lần thêm sản phẩm trước. Vui lòng thử lại sau giây lát.",
      "Your cart is still busy with an earlier add. Please try again in a moment."
    ),
  idempotencyKeyReused: () =>
    bilingual(
      "Khoá Idempotency-Key này đã được dùng cho một yêu cầu khác.",
      "This Idempotency-Key was already used for a different request."
    ),
}

/** Lock time-outs of the in-memory, Postgres and Redis providers of the Locking Module. */
export function isLockTimeout(error: unknown): boolean {
  const message = String((error as any)?.message ?? "")
  return /timed-out acquiring lock|failed to acquire lock/i.test(message)
}
