import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "./utils/validate"
import { PayosNotification, VnpayIpnQuery } from "./hooks/ocop/validators"
import { StoreOrderPaymentQuery, StoreVnpayRedirect, StoreVnpayReturn } from "./store/ocop/payments/validators"
import {
  AdminConfirmPayment,
  AdminListPaymentNotifications,
  AdminResolveNotification,
} from "./admin/ocop/payments/validators"

const shopper = authenticate("customer", ["bearer", "session"], { allowUnauthenticated: true })

/** Payments by VietQR transfer and VNPay (decision 017): notifications, the shopper's view, the operator's. */
export const paymentRoutes: MiddlewareRoute[] = [
  { matcher: "/hooks/ocop/payos", method: ["POST"], middlewares: [validateBody(PayosNotification)] },
  { matcher: "/hooks/ocop/vnpay/ipn", method: ["GET"], middlewares: [validateQuery(VnpayIpnQuery)] },
  {
    matcher: "/store/ocop/orders/:id/payment",
    method: ["GET"],
    middlewares: [shopper, validateQuery(StoreOrderPaymentQuery)],
  },
  {
    matcher: "/store/ocop/orders/:id/vnpay",
    method: ["POST"],
    middlewares: [shopper, validateBody(StoreVnpayRedirect)],
  },
  { matcher: "/store/ocop/payments/vnpay-return", method: ["POST"], middlewares: [validateBody(StoreVnpayReturn)] },
  { matcher: "/admin/ocop/payments", method: ["GET"], middlewares: [validateQuery(AdminListPaymentNotifications)] },
  {
    matcher: "/admin/ocop/payments/orders/:id/confirm",
    method: ["POST"],
    middlewares: [validateBody(AdminConfirmPayment)],
  },
  {
    matcher: "/admin/ocop/payments/notifications/:id/resolve",
    method: ["POST"],
    middlewares: [validateBody(AdminResolveNotification)],
  },
]
