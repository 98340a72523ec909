import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"
import { processUpload } from "../../../lib/upload-processing"
import { fileUrl, type UploadPurpose } from "../../../lib/uploads"
import { uploadProducerFileWorkflow } from "../../../workflows/producer/upload-producer-file"
import { producerIdOf } from "../../utils/ownership"
import { refuseField } from "./middlewares"

type UploadRow = {
  id: string
  purpose: string
  file_key: string
  mime_type: string
  size: number
  created_at?: unknown
}

/** What a producer sees of one of its uploads: the URL is resolved from the key now, never stored. */
export const uploadView = (u: UploadRow) => ({
  id: u.id,
  purpose: u.purpose,
  mime_type: u.mime_type,
  size: u.size,
  url: fileUrl(u.file_key),
  created_at: u.created_at,
})

async function existingUpload(req: AuthenticatedMedusaRequest, purpose: string, sha256: string) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [found] = await ocop.listUploads(
    { producer_id: producerIdOf(req), purpose: purpose as UploadPurpose, sha256 },
    { take: 1 }
  )
  return found as UploadRow | undefined
}

/**
 * POST /vendor/uploads (multipart: purpose, file) — checked by middlewares.ts before this runs.
 * The same bytes sent again for the same purpose (a double submit, parallel retries) answer the
 * first record: one file, one row.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const purpose = (req.body as { purpose: UploadPurpose }).purpose
  const file = (req as AuthenticatedMedusaRequest & { file: { buffer: Buffer; originalname?: string } }).file
  const processed = await processUpload(file.buffer)
  if (!processed) {
    return refuseField(res, "file", {
      vi: "Không đọc được ảnh này (tệp hỏng hoặc không phải ảnh thật).",
      en: "This image cannot be read (the file is damaged or not a real image).",
    })
  }
  const before = await existingUpload(req, purpose, processed.sha256)
  if (before) return res.status(200).json({ upload: uploadView(before) })
  try {
    const { result } = await uploadProducerFileWorkflow(req.scope).run({
      input: {
        producer_id: producerIdOf(req),
        purpose,
        content_base64: processed.bytes.toString("base64"),
        mime_type: processed.mime_type,
        extension: processed.extension,
        size: processed.bytes.length,
        sha256: processed.sha256,
        original_name: file.originalname ? file.originalname.slice(0, 200) : null,
      },
    })
    res.status(201).json({ upload: uploadView(result as UploadRow) })
  } catch (error) {
    // A parallel request with the same bytes won the unique index: answer its record.
    const winner = await existingUpload(req, purpose, processed.sha256)
    if (winner) return res.status(200).json({ upload: uploadView(winner) })
    throw error
  }
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const uploads = await ocop.listUploads(
    { producer_id: producerIdOf(req) },
    { order: { created_at: "DESC" }, take: 200 }
  )
  res.json({ uploads: uploads.map((u) => uploadView(u as UploadRow)) })
}
