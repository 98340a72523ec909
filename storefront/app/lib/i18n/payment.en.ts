import type { viPayment } from "./payment.vi";

export const enPayment: Record<keyof typeof viPayment, string> = {
  "payment.vietqr": "Bank transfer (VietQR)",
  "payment.vietqrHint":
    "After ordering, scan the VietQR code with any banking app; the order is " +
    "confirmed automatically when the money arrives.",
  "payment.vnpay": "VNPay (ATM card, international card, VNPay wallet)",
  "payment.vnpayHint": "After ordering, you are taken to the VNPay gateway to pay securely.",
  "payment.cardHint": "Pay by Visa or Mastercard through Stripe.",
  "payment.title": "Payment",
  "payment.status.awaiting_payment": "Awaiting payment",
  "payment.status.paid": "Paid",
  "payment.status.cancelled_unpaid": "Cancelled: not paid",
  "payment.status.cancelled": "Cancelled",
  "payment.status.cash_on_delivery": "Cash on delivery",
  "payment.scanTitle": "Scan to pay by bank transfer",
  "payment.scanHint":
    "Open your banking app and choose scan QR. The amount and the reference are filled in — please do not change them.",
  "payment.qrAlt": "VietQR code for a transfer of {amount} to account {account}, reference {reference}",
  "payment.noScan": "Cannot scan? Transfer by hand:",
  "payment.bank": "Bank",
  "payment.accountNumber": "Account number",
  "payment.accountName": "Account holder",
  "payment.amount": "Amount",
  "payment.reference": "Transfer reference",
  "payment.payBefore": "Please pay before {time}; after that the order is cancelled automatically.",
  "payment.refreshHint": "This page updates when the money arrives; you can also reload it.",
  "payment.paidNote": "We received your payment. The producers will prepare your order.",
  "payment.cancelledUnpaid":
    "The order was cancelled because its payment did not arrive in time; the items went back to stock. If you " +
    "did transfer the money, please contact us with the transfer reference.",
  "payment.payWithVnpay": "Pay with VNPay",
  "payment.vnpayReturnFailed": "VNPay's answer could not be verified. The order's status below is the true one.",
  "payment.vnpayUnavailable": "VNPay cannot be reached right now. Please try again later.",
};
