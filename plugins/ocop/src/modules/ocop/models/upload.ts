import { model } from "@medusajs/framework/utils"
import { UPLOAD_PURPOSES } from "../../../lib/uploads"

/**
 * A file a producer uploaded through the File Module: who owns it, what it is for, its sniffed type.
 * `file_key` is the File Module's key (the URL is resolved at read time, see lib/uploads.ts);
 * `sha256` makes a repeated upload of the same bytes by the same producer the same record.
 */
export const Upload = model
  .define(
    { name: "Upload", tableName: "ocop_upload" },
    {
      id: model.id({ prefix: "oupl" }).primaryKey(),
      producer_id: model.text(),
      purpose: model.enum([...UPLOAD_PURPOSES]),
      file_key: model.text().unique(),
      mime_type: model.text(),
      size: model.number(),
      sha256: model.text(),
      original_name: model.text().nullable(),
    }
  )
  .indexes([{ on: ["producer_id", "purpose", "sha256"], unique: true }])
