/** Payment methods at checkout and the payment box of the order page (issue 16). */
export const viPayment = {
  "payment.vietqr": "Chuyển khoản ngân hàng (VietQR)",
  "payment.vietqrHint":
    "Sau khi đặt hàng, quét mã VietQR bằng ứng dụng ngân hàng bất kỳ; đơn hàng được xác nhận tự động khi tiền về.",
  "payment.vnpay": "VNPay (thẻ ATM, thẻ quốc tế, ví VNPay)",
  "payment.vnpayHint": "Sau khi đặt hàng, bạn được chuyển sang cổng VNPay để thanh toán an toàn.",
  "payment.cardHint": "Thanh toán bằng thẻ Visa, Mastercard qua Stripe.",
  "payment.title": "Thanh toán",
  "payment.status.awaiting_payment": "Chờ thanh toán",
  "payment.status.paid": "Đã thanh toán",
  "payment.status.cancelled_unpaid": "Đã hủy vì chưa thanh toán",
  "payment.status.cancelled": "Đã hủy",
  "payment.status.cash_on_delivery": "Trả tiền khi nhận hàng",
  "payment.scanTitle": "Quét mã để chuyển khoản",
  "payment.scanHint": "Mở ứng dụng ngân hàng, chọn quét mã QR. Số tiền và nội dung đã có sẵn — vui lòng không sửa.",
  "payment.qrAlt": "Mã VietQR chuyển {amount} vào tài khoản {account}, nội dung {reference}",
  "payment.noScan": "Không quét được? Chuyển khoản thủ công:",
  "payment.bank": "Ngân hàng",
  "payment.accountNumber": "Số tài khoản",
  "payment.accountName": "Chủ tài khoản",
  "payment.amount": "Số tiền",
  "payment.reference": "Nội dung chuyển khoản",
  "payment.payBefore": "Vui lòng thanh toán trước {time}; sau đó đơn hàng sẽ tự động bị hủy.",
  "payment.refreshHint": "Trang này tự cập nhật khi tiền về; bạn cũng có thể tải lại trang.",
  "payment.paidNote": "Chúng tôi đã nhận được tiền. Người bán sẽ chuẩn bị hàng.",
  "payment.cancelledUnpaid":
    "Đơn hàng đã bị hủy vì chưa nhận được thanh toán đúng hạn; hàng đã được trả lại kho. Nếu bạn đã " +
    "chuyển khoản, vui lòng liên hệ chúng tôi kèm nội dung chuyển khoản.",
  "payment.payWithVnpay": "Thanh toán qua VNPay",
  "payment.vnpayReturnFailed": "Không xác minh được kết quả từ VNPay. Trạng thái đơn hàng bên dưới là trạng thái đúng.",
  "payment.vnpayUnavailable": "Hiện không thể chuyển sang VNPay. Vui lòng thử lại sau.",
} as const;
