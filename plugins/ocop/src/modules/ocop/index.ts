import { Module } from "@medusajs/framework/utils"
import OcopModuleService from "./services/ocop-module-service"
import installListingGate from "./loaders/install-listing-gate"

export const OCOP_MODULE = "ocop"

export default Module(OCOP_MODULE, {
  service: OcopModuleService,
  loaders: [installListingGate],
})

export type { default as OcopModuleService } from "./services/ocop-module-service"
