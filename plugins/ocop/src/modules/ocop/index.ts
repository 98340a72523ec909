import { Module } from "@medusajs/framework/utils"
import OcopModuleService from "./services/ocop-module-service"

export const OCOP_MODULE = "ocop"

export default Module(OCOP_MODULE, {
  service: OcopModuleService,
})

export type { default as OcopModuleService } from "./services/ocop-module-service"
