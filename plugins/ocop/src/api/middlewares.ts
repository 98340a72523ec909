import { authenticate, defineMiddlewares } from "@medusajs/framework/http"
import { sendFieldErrors, validateBody, validateQuery } from "./utils/validate"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { certificationSubmissionErrors } from "../workflows/steps/validate-certification-submission"
import { guardMarketplaceChannel } from "./utils/marketplace-guard"
import {
  AdminAttachProducer,
  AdminCertificationAction,
  AdminCreateProducer,
  AdminListCertifications,
  AdminListProducers,
  AdminProducerAction,
  AdminRefreshListings,
  AdminRenewCertification,
  AdminSubmitCertification,
} from "./admin/ocop/validators"
import { StoreListings, StoreListProducers, StoreVerify } from "./store/ocop/validators"

/** Rules that need the database (duplicate numbers) or span fields (stars vs score), as field errors. */
async function checkCertificationRules(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const errors = await certificationSubmissionErrors(req.scope, (req as any).validatedBody)
  if (Object.keys(errors).length) return sendFieldErrors(res, errors)
  next()
}

export default defineMiddlewares({
  routes: [
    // --- the listing gate on Medusa's own Admin API ---
    { matcher: "/admin/products", method: ["POST"], middlewares: [guardMarketplaceChannel] },
    { matcher: "/admin/products/batch", method: ["POST"], middlewares: [guardMarketplaceChannel] },
    { matcher: "/admin/products/:id", method: ["POST"], middlewares: [guardMarketplaceChannel] },
    { matcher: "/admin/sales-channels/:id/products", method: ["POST"], middlewares: [guardMarketplaceChannel] },

    // --- operator routes ---
    { matcher: "/admin/ocop/producers", method: ["GET"], middlewares: [validateQuery(AdminListProducers)] },
    { matcher: "/admin/ocop/producers", method: ["POST"], middlewares: [validateBody(AdminCreateProducer)] },
    { matcher: "/admin/ocop/producers/:id/:action", method: ["POST"], middlewares: [validateBody(AdminProducerAction)] },
    { matcher: "/admin/ocop/certifications", method: ["GET"], middlewares: [validateQuery(AdminListCertifications)] },
    { matcher: "/admin/ocop/certifications", method: ["POST"], middlewares: [validateBody(AdminSubmitCertification), checkCertificationRules] },
    { matcher: "/admin/ocop/certifications/:id/renew", method: ["POST"], middlewares: [validateBody(AdminRenewCertification)] },
    { matcher: "/admin/ocop/certifications/:id/:action", method: ["POST"], middlewares: [validateBody(AdminCertificationAction)] },
    { matcher: "/admin/ocop/products/:id/producer", method: ["POST"], middlewares: [validateBody(AdminAttachProducer)] },
    { matcher: "/admin/ocop/listings/refresh", method: ["POST"], middlewares: [validateBody(AdminRefreshListings)] },

    // --- public store routes ---
    { matcher: "/store/ocop/producers", method: ["GET"], middlewares: [validateQuery(StoreListProducers)] },
    { matcher: "/store/ocop/listings", method: ["GET"], middlewares: [validateQuery(StoreListings)] },
    { matcher: "/store/ocop/verify", method: ["GET"], middlewares: [validateQuery(StoreVerify)] },
  ],
})
