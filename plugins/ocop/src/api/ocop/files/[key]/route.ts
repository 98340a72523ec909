import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../../../modules/ocop"
import { isSafeFileKey } from "../../../../lib/uploads"

/**
 * GET /ocop/files/:key — a producer's uploaded file (photos, logos and certificate scans are public
 * documents of the shop). Only files recorded as uploads are served, with the type sniffed at upload,
 * `nosniff` and a CSP that sandboxes the document, so nothing in a file can run on this origin.
 * With S3 configured the object store serves it (redirect to the provider's URL for the key).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const key = req.params.key
  const notFound = () => res.status(404).json({ type: "not_found", message: "File not found." })
  if (!isSafeFileKey(key)) return notFound()
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [upload] = await ocop.listUploads({ file_key: key }, { take: 1 })
  if (!upload) return notFound()
  const files = req.scope.resolve(Modules.FILE)
  if (process.env.S3_BUCKET) {
    const file = await files.retrieveFile(key)
    return res.redirect(302, file.url)
  }
  let body: Buffer
  try {
    body = await files.getAsBuffer(key)
  } catch {
    return notFound()
  }
  const extension = upload.mime_type === "application/pdf" ? "pdf" : (upload.mime_type.split("/")[1] ?? "bin")
  res.setHeader("Content-Type", upload.mime_type)
  res.setHeader("Content-Length", String(body.length))
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
  res.setHeader("Content-Disposition", `inline; filename="${upload.purpose}.${extension}"`)
  // Keys never change content (a new upload is a new key): cache for a year.
  res.setHeader("Cache-Control", "public, max-age=31536000, immutable")
  res.setHeader("Cross-Origin-Resource-Policy", "cross-origin")
  res.status(200).end(body)
}
