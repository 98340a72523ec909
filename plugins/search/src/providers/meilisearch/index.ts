import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { OcopMeilisearchService } from "./service"

export default ModuleProvider(Modules.SEARCH, { services: [OcopMeilisearchService] })
