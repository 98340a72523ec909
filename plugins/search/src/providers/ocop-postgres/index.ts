import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { OcopPostgresSearchService } from "./service"

export default ModuleProvider(Modules.SEARCH, { services: [OcopPostgresSearchService] })
