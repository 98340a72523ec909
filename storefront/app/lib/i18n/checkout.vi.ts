/** Checkout: delivery per producer, the order summary, contact rules (decision 007). */
export const viCheckout = {
  "delivery.standard": "Giao hàng tiêu chuẩn",
  "delivery.express": "Giao hàng nhanh",
  "delivery.standardHint": "Giao trong 3–5 ngày",
  "delivery.expressHint": "Giao trong 1–2 ngày",
  "delivery.forProducer": "Giao phần hàng của {name}",
  "delivery.forOther": "Giao phần hàng còn lại",
  "delivery.perProducerNote": "Mỗi chủ thể gửi một kiện riêng, nên mỗi kiện có phí vận chuyển riêng.",
  "cart.shippingFromTotal": "từ {amount}",
  "cart.parcels": "{count} kiện hàng",
  "summary.title": "Tóm tắt đơn hàng",
  "summary.shippingOf": "Vận chuyển · {name}",
  "summary.shippingTotal": "Tổng phí vận chuyển",
  "checkout.emailOptional": "Email (không bắt buộc khi thanh toán khi nhận hàng)",
  "checkout.emailHint": "Để nhận xác nhận đơn hàng qua email.",
  "form.emailForCard": "Thanh toán trước (chuyển khoản, VNPay, thẻ) cần địa chỉ email để gửi biên nhận và thông báo.",
} as const;
