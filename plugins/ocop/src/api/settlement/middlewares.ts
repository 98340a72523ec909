import { ensureProducerInOrder } from "../utils/ownership"
import { validateBody, validateQuery } from "../utils/validate"
import { routeTable } from "../utils/route-table"
import {
  AdminRecordCashCollection,
  AdminRecordPayout,
  AdminSetCommissionRate,
  StatementQuery,
  VendorRecordCashCollection,
} from "./validators"

/**
 * Producer money: statements, cash collected on delivery, payouts, commission rates
 * (docs/decisions/018-producer-statements.md).
 */
export const settlementRoutes = routeTable([
  ["GET", "/vendor/statements", validateQuery(StatementQuery)],
  ["GET", "/vendor/statements/export", validateQuery(StatementQuery)],
  ["POST", "/vendor/orders/:id/cash-collection", ensureProducerInOrder, validateBody(VendorRecordCashCollection)],
  ["GET", "/admin/ocop/statements", validateQuery(StatementQuery)],
  ["GET", "/admin/ocop/statements/:producer_id", validateQuery(StatementQuery)],
  ["GET", "/admin/ocop/statements/:producer_id/export", validateQuery(StatementQuery)],
  ["POST", "/admin/ocop/payouts", validateBody(AdminRecordPayout)],
  ["POST", "/admin/ocop/orders/:id/cash-collection", validateBody(AdminRecordCashCollection)],
  ["POST", "/admin/ocop/commission-rates", validateBody(AdminSetCommissionRate)],
])
