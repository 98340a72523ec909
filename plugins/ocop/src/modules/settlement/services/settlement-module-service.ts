import { MedusaService } from "@medusajs/framework/utils"
import { CashCollection, CommissionRate, Payout } from "../models"

/**
 * CRUD for producer money: commission rates, cash collected on delivery, payouts.
 * The rules live in src/lib/statements.ts and src/lib/settlement-rules.ts.
 */
export default class SettlementModuleService extends MedusaService({ CommissionRate, CashCollection, Payout }) {}
