import { MedusaService } from "@medusajs/framework/utils"
import { AuditEvent, Certification, FeaturedList, Producer, ProductListing, TradeCenter, Upload } from "../models"

/** CRUD for the OCOP domain. Rules that span steps (the gate, transitions) live in src/lib and src/workflows. */
export default class OcopModuleService extends MedusaService({
  Producer,
  Certification,
  TradeCenter,
  AuditEvent,
  ProductListing,
  FeaturedList,
  Upload,
}) {}
