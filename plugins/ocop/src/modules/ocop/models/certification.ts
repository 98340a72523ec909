import { model } from "@medusajs/framework/utils"
import { Producer } from "./producer"

export const CERTIFICATION_STATUSES = ["submitted", "approved", "rejected", "expired", "revoked", "suspended"] as const
export const RECOGNITION_TYPES = ["new", "re_recognition", "upgrade"] as const

/**
 * One OCOP recognition of one product (giấy chứng nhận sản phẩm OCOP). A product keeps its whole
 * history; `is_current` marks the record the listing gate reads.
 */
export const Certification = model
  .define(
    { name: "Certification", tableName: "ocop_certification" },
    {
      id: model.id({ prefix: "ocert" }).primaryKey(),
      product_id: model.text(),
      producer: model.belongsTo(() => Producer, { mappedBy: "certifications" }),
      stars: model.number(),
      score: model.number().nullable(),
      score_parts: model.json().nullable(),
      group_slug: model.text(),
      subgroup_slug: model.text().nullable(),
      certificate_number: model.text().unique(),
      decision_number: model.text().nullable(),
      decision_date: model.dateTime().nullable(),
      issuing_authority: model.text(),
      province_code: model.text(),
      legal_basis: model.text().default("148/QĐ-TTg"),
      valid_from: model.dateTime().nullable(),
      expires_at: model.dateTime().nullable(),
      status: model.enum([...CERTIFICATION_STATUSES]).default("submitted"),
      recognition_type: model.enum([...RECOGNITION_TYPES]).default("new"),
      evidence: model.json().nullable(),
      /** The scanned certificate (File Module key of an Upload); its URL is resolved at read time. */
      scan_file_key: model.text().nullable(),
      traceability_code: model.text().nullable(),
      traceability_url: model.text().nullable(),
      potential_five_star: model.boolean().default(false),
      reason: model.text().nullable(),
      decided_by: model.text().nullable(),
      decided_at: model.dateTime().nullable(),
      is_current: model.boolean().default(false),
      expiry_warning_sent_at: model.dateTime().nullable(),
      previous_certification_id: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["product_id"] },
    { on: ["status", "expires_at"] },
    { on: ["traceability_code"] },
    { on: ["province_code"] },
  ])
