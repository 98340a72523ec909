import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OCOP_MODULE, type OcopModuleService } from "../../../modules/ocop"
import { fileKeyOf, ownUploadUrls, type UploadPurpose } from "../../../lib/uploads"
import { sendFieldErrors } from "../../utils/validate"

/** The request after producerAuth and validateBody (middlewares.ts). */
type VendorRequest = MedusaRequest & { producer: { id: string }; validatedBody?: Record<string, unknown> }

const lookupIn = (req: MedusaRequest) => (filter: { id: string[]; producer_id: string; purpose: UploadPurpose }) =>
  req.scope.resolve<OcopModuleService>(OCOP_MODULE).listUploads(filter, { take: filter.id.length })

/**
 * After validateBody: a product's `images` (upload ids + alt) become Medusa image rows with relative
 * URLs, a profile's `logo_upload_id` becomes its `logo_url`. Another producer's upload is refused
 * as not one of yours (400 naming the field), never attached.
 */
export async function resolveProductImages(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as VendorRequest
  const body = req.validatedBody
  if (!body?.images) return next()
  const producerId = req.producer.id
  const images = body.images as Array<{ upload_id?: string; url?: string; alt?: string | null }>
  // A kept photo names its stored URL: it must be this producer's product photo too.
  const keys = images.map((i) => (i.url ? fileKeyOf(i.url) : null)).filter((k): k is string => Boolean(k))
  const kept = keys.length
    ? await req.scope
        .resolve<OcopModuleService>(OCOP_MODULE)
        .listUploads({ file_key: keys, producer_id: producerId, purpose: "product_image" }, { take: keys.length })
    : []
  const idOfKey = new Map(kept.map((u) => [u.file_key, u.id]))
  const ids = images.map((i) => i.upload_id ?? idOfKey.get(fileKeyOf(i.url) ?? "") ?? `unknown:${i.url}`)
  const { errors, urls } = await ownUploadUrls(lookupIn(req), producerId, "product_image", "images", ids)
  if (Object.keys(errors).length) return sendFieldErrors(res, errors)
  body.images = urls.map((url, i) => ({ url, alt: images[i].alt?.trim() || null }))
  next()
}

export async function resolveLogo(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as VendorRequest
  const body = req.validatedBody
  if (!body || body.logo_upload_id === undefined) return next()
  const { logo_upload_id, ...rest } = body
  if (logo_upload_id === null) {
    req.validatedBody = { ...rest, logo_url: null }
    return next()
  }
  const { errors, urls } = await ownUploadUrls(lookupIn(req), req.producer.id, "logo", "logo_upload_id", [
    String(logo_upload_id),
  ])
  if (Object.keys(errors).length) return sendFieldErrors(res, { logo_upload_id: Object.values(errors)[0] })
  req.validatedBody = { ...rest, logo_url: urls[0] }
  next()
}
