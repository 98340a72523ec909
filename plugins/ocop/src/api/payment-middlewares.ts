import { authenticate } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "./utils/validate"
import { routeTable } from "./utils/route-table"
import { PayosNotification, VnpayIpnQuery } from "./hooks/ocop/validators"
import { StoreOrderPaymentQuery, StoreVnpayRedirect, StoreVnpayReturn } from "./store/ocop/payments/validators"
import {
  AdminConfirmPayment,
  AdminListPaymentNotifications,
  AdminResolveNotification,
} from "./admin/ocop/payments/validators"

const shopper = authenticate("customer", ["bearer", "session"], { allowUnauthenticated: true })

/** Payments by VietQR transfer and VNPay (decision 017): notifications, the shopper's view, the operator's. */
export const paymentRoutes = routeTable([
  ["POST", "/hooks/ocop/payos", validateBody(PayosNotification)],
  ["GET", "/hooks/ocop/vnpay/ipn", validateQuery(VnpayIpnQuery)],
  ["GET", "/store/ocop/orders/:id/payment", shopper, validateQuery(StoreOrderPaymentQuery)],
  ["POST", "/store/ocop/orders/:id/vnpay", shopper, validateBody(StoreVnpayRedirect)],
  ["POST", "/store/ocop/payments/vnpay-return", validateBody(StoreVnpayReturn)],
  ["GET", "/admin/ocop/payments", validateQuery(AdminListPaymentNotifications)],
  ["POST", "/admin/ocop/payments/orders/:id/confirm", validateBody(AdminConfirmPayment)],
  ["POST", "/admin/ocop/payments/notifications/:id/resolve", validateBody(AdminResolveNotification)],
])
