import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import multer from "multer"
import { MAX_UPLOAD_BYTES, UPLOAD_PURPOSES, type UploadPurpose, uploadRefusal } from "../../../lib/uploads"

/** Refusals of an upload name the field (`file` or `purpose`) in both languages, like every other 400. */
function refuseField(res: MedusaResponse, field: string, text: { vi: string; en: string }) {
  res.status(400).json({
    type: "invalid_data",
    code: "upload_refused",
    message: `Invalid request: ${field}: ${text.en}`,
    message_vi: `Yêu cầu không hợp lệ: ${field}: ${text.vi}`,
    errors: { [field]: text.en },
    errors_vi: { [field]: text.vi },
  })
}

// In memory: the bytes are sniffed and re-encoded before anything is stored (at most 10 MB, one file).
const receive = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
}).single("file")

/** Multipart body → req.file; multer's own errors (too large, wrong field) become a 400 naming the field. */
function receiveFile(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!String(req.headers["content-type"] ?? "").startsWith("multipart/form-data")) {
    return refuseField(res, "file", {
      vi: "Hãy gửi tệp dưới dạng multipart/form-data (trường file).",
      en: "Send the file as multipart/form-data (field file).",
    })
  }
  type ExpressArgs = Parameters<typeof receive>
  receive(req as unknown as ExpressArgs[0], res as unknown as ExpressArgs[1], (error: unknown) => {
    if (!error) return next()
    const code = (error as { code?: string }).code
    if (code === "LIMIT_FILE_SIZE") {
      return refuseField(res, "file", {
        vi: `Tệp quá lớn: tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
        en: `The file is too large: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
      })
    }
    refuseField(res, "file", {
      vi: "Gửi đúng một tệp trong trường file.",
      en: "Send exactly one file in the field file.",
    })
  })
}

/** The purpose is known, a file came, and its real kind and size suit the purpose. */
function checkUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const purpose = (req.body as Record<string, unknown> | undefined)?.purpose
  if (typeof purpose !== "string" || !UPLOAD_PURPOSES.includes(purpose as UploadPurpose)) {
    return refuseField(res, "purpose", {
      vi: `Chọn mục đích của tệp: ${UPLOAD_PURPOSES.join(", ")}.`,
      en: `Say what the file is for: one of ${UPLOAD_PURPOSES.join(", ")}.`,
    })
  }
  const file = (req as MedusaRequest & { file?: { buffer: Buffer } }).file
  if (!file) return refuseField(res, "file", { vi: "Chưa có tệp nào được gửi.", en: "No file was sent." })
  const refusal = uploadRefusal(purpose as UploadPurpose, file.buffer)
  if (refusal) return refuseField(res, "file", refusal)
  next()
}

export const vendorUploadRoutes = [
  { matcher: "/vendor/uploads", method: ["POST"] as "POST"[], middlewares: [receiveFile, checkUpload] },
]

export { refuseField }
