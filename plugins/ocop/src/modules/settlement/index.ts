import { Module } from "@medusajs/framework/utils"
import SettlementModuleService from "./services/settlement-module-service"

export const SETTLEMENT_MODULE = "settlement"

export default Module(SETTLEMENT_MODULE, { service: SettlementModuleService })

export type { default as SettlementModuleService } from "./services/settlement-module-service"
