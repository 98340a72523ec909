import { Module } from "@medusajs/framework/utils"
import OcopPaymentModuleService from "./service"

export const OCOP_PAYMENT_MODULE = "ocopPayment"

export default Module(OCOP_PAYMENT_MODULE, { service: OcopPaymentModuleService })

export type { default as OcopPaymentModuleService } from "./service"
