import { ensureProducerInOrder } from "../utils/ownership"
import { validateBody, validateQuery } from "../utils/validate"
import {
  AdminRecordCashCollection,
  AdminRecordPayout,
  AdminSetCommissionRate,
  StatementQuery,
  VendorRecordCashCollection,
} from "./validators"

type Method = "GET" | "POST"

/**
 * Producer money: statements, cash collected on delivery, payouts, commission rates
 * (docs/decisions/018-producer-statements.md).
 */
export const settlementRoutes = [
  { matcher: "/vendor/statements", method: ["GET"] as Method[], middlewares: [validateQuery(StatementQuery)] },
  { matcher: "/vendor/statements/export", method: ["GET"] as Method[], middlewares: [validateQuery(StatementQuery)] },
  {
    matcher: "/vendor/orders/:id/cash-collection",
    method: ["POST"] as Method[],
    middlewares: [ensureProducerInOrder, validateBody(VendorRecordCashCollection)],
  },
  { matcher: "/admin/ocop/statements", method: ["GET"] as Method[], middlewares: [validateQuery(StatementQuery)] },
  {
    matcher: "/admin/ocop/statements/:producer_id",
    method: ["GET"] as Method[],
    middlewares: [validateQuery(StatementQuery)],
  },
  {
    matcher: "/admin/ocop/statements/:producer_id/export",
    method: ["GET"] as Method[],
    middlewares: [validateQuery(StatementQuery)],
  },
  { matcher: "/admin/ocop/payouts", method: ["POST"] as Method[], middlewares: [validateBody(AdminRecordPayout)] },
  {
    matcher: "/admin/ocop/orders/:id/cash-collection",
    method: ["POST"] as Method[],
    middlewares: [validateBody(AdminRecordCashCollection)],
  },
  {
    matcher: "/admin/ocop/commission-rates",
    method: ["POST"] as Method[],
    middlewares: [validateBody(AdminSetCommissionRate)],
  },
]
