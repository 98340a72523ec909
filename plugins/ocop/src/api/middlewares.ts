import { authenticate, defineMiddlewares } from "@medusajs/framework/http"
import { sendFieldErrors, validateBody, validateQuery } from "./utils/validate"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  certificationSubmissionErrors,
  producerSubmissionFacts,
  type SubmitCertificationInput,
} from "../lib/certification-submission"
import { guardMarketplaceChannel } from "./utils/marketplace-guard"
import { guardStoreChannel } from "./utils/store-channel-guard"
import { serveStoreProductList } from "./utils/store-products-channel-filter"
import { guardRequest } from "./utils/request-guard"
import { speakBothLanguages } from "./utils/refusal-language"
import { answerWithinTimeLimit } from "./utils/response-time-limit"
import { ocopErrorHandler } from "./utils/error-handler"
import { guardMedusaLocaleMiddleware } from "./utils/medusa-locale"
import { rememberPublishableKeys } from "./utils/publishable-key-cache"
import { readIdempotencyKey } from "./utils/idempotency"
import { serializeCheckout } from "./utils/checkout-gate"
import { addLineOncePerKey } from "./utils/cart-add-once"
import { timedMiddleware } from "../observability/checkout-guards"
import { ensureOrderTransferable } from "./utils/customer-ownership"
import { refuseMoreThanAvailable } from "./utils/stock-guard"
import {
  AdminAttachProducer,
  AdminCertificationAction,
  AdminCreateCurator,
  AdminCreateProducer,
  AdminCreateTradeCenter,
  AdminListCertifications,
  AdminListProducers,
  AdminProducerAction,
  AdminRefreshListings,
  AdminRenewCertification,
  AdminSubmitCertification,
  FeaturedListBody,
} from "./admin/ocop/validators"
import {
  StoreFeaturedLists,
  StoreListings,
  StoreListProducers,
  StoreOrderQuery,
  StoreShowcase,
  StoreSitemap,
  StoreVerify,
} from "./store/ocop/validators"
import { CuratorListCertifications, CuratorListProducers, CuratorListProducts } from "./trade-center/validators"
import { ProducerSignup } from "./producers/validators"
import {
  VendorCreateFulfillment,
  VendorChangeOrderPartStatus,
  VendorCreateProduct,
  VendorInviteMember,
  VendorShipOrderPart,
  VendorListProducts,
  VendorSubmitCertification,
  VendorUpdateMe,
  VendorUpdateProduct,
} from "./vendor/validators"
import {
  ensureCertificationInCuratorProvince,
  ensureCuratorAccount,
  ensureProducerAccount,
  ensureProducerInOrder,
  ensureProducerOwnsProduct,
} from "./utils/ownership"
import { routeTable } from "./utils/route-table"
import { securityRoutes } from "./security-middlewares"
import { paymentRoutes } from "./payment-middlewares"
import { vendorUploadRoutes } from "./vendor/uploads/middlewares"
import { checkoutRoutes } from "./store/ocop/checkout/middlewares"
import { cartRoutes } from "./store/ocop/carts/middlewares"
import { settlementRoutes } from "./settlement/middlewares"
import { resolveLogo, resolveProductImages } from "./vendor/uploads/resolve"
import { ensureProducerMayAct } from "./utils/producer-status"
import { enforcePasswordPolicy } from "./utils/password-policy"

// Must run when this file is imported: Medusa registers its locale middleware right after.
guardMedusaLocaleMiddleware()
// Likewise for Medusa's publishable-key lookup: remembered for at most a second (publishable-key-cache.ts).
rememberPublishableKeys()

const producerAuth = [authenticate("producer", ["session", "bearer"]), ensureProducerAccount, ensureProducerMayAct]
const curatorAuth = [authenticate("curator", ["session", "bearer"]), ensureCuratorAccount]

/** Rules that need the database (duplicate numbers) or span fields (stars vs score), as field errors. */
async function checkCertificationRules(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const errors = await certificationSubmissionErrors(req.scope, (req as any).validatedBody)
  if (Object.keys(errors).length) return sendFieldErrors(res, errors)
  next()
}

/** A producer's submission: the record's rules with the authority derived from its province, and its own scan. */
async function checkProducerSubmission(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const { validatedBody: body, producer } = req as MedusaRequest & {
    validatedBody: SubmitCertificationInput
    producer: { id: string; province_code: string }
  }
  const facts = await producerSubmissionFacts(req.scope, producer, body)
  const errors = {
    ...(await certificationSubmissionErrors(req.scope, { ...body, issuing_authority: facts.issuing_authority })),
    ...facts.errors,
  }
  if (Object.keys(errors).length) return sendFieldErrors(res, errors)
  next()
}

/** A producer's certification is decided in its own province: naming another one is refused, not ignored. */
function refuseForeignProvince(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const named = (req as any).validatedBody?.province_code
  const own = (req as any).producer?.province_code
  if (named && named !== own) {
    return sendFieldErrors(res, {
      province_code: `Certifications are decided by the trade centre of your producer's province (${own}); a submission cannot choose another province. Leave province_code out.`,
    })
  }
  next()
}

// "/:id/renew" also matches "/:id/:action": without this the decision schema would replace the renewal's body.
const validateDecisionBody = validateBody(AdminCertificationAction)
const validateAdminDecision = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
  req.params.action === "renew" ? next() : validateDecisionBody(req, res, next)

/** The home page selection is the platform's; a trade centre curates its province and campaigns. */
function refuseHomePlacement(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if ((req as any).validatedBody?.placement === "home") {
    return sendFieldErrors(res, {
      placement: "A trade centre curates province and campaign lists; the home page is curated by the platform.",
    })
  }
  next()
}

export default defineMiddlewares({
  // One error handler: the database gate's refusal (decision 005), malformed paths, lock time-outs (decision 006).
  errorHandler: ocopErrorHandler(),
  routes: [
    // --- every route, Medusa's included: a time limit, and malformed input refused before anyone reads it ---
    { matcher: "/*", middlewares: [speakBothLanguages, answerWithinTimeLimit, guardRequest] },

    ...securityRoutes,
    ...paymentRoutes,

    // --- every store request: the publishable key reaches only the marketplace (decision 005) ---
    { matcher: "/store/*", middlewares: [guardStoreChannel] },
    // --- Medusa's product list with the key's channel as an EXISTS, not 95,000 ids (decision 016) ---
    { matcher: "/store/products", middlewares: [serveStoreProductList] },
    // (a cart is offered the delivery options of its producers' parcels only: api/store/shipping-options)

    // --- the listing gate on Medusa's own Admin API ---
    ...routeTable([
      ["POST", "/admin/products", guardMarketplaceChannel],
      ["POST", "/admin/products/batch", guardMarketplaceChannel],
      ["POST", "/admin/products/:id", guardMarketplaceChannel],
      ["POST", "/admin/sales-channels/:id/products", guardMarketplaceChannel],
    ]),

    // --- operator routes ---
    ...routeTable([
      ["GET", "/admin/ocop/producers", validateQuery(AdminListProducers)],
      ["POST", "/admin/ocop/producers", validateBody(AdminCreateProducer)],
      ["POST", "/admin/ocop/producers/:id/:action", validateBody(AdminProducerAction)],
      ["GET", "/admin/ocop/certifications", validateQuery(AdminListCertifications)],
      ["POST", "/admin/ocop/certifications", validateBody(AdminSubmitCertification), checkCertificationRules],
      ["POST", "/admin/ocop/certifications/:id/renew", readIdempotencyKey, validateBody(AdminRenewCertification)],
      ["POST", "/admin/ocop/certifications/:id/:action", readIdempotencyKey, validateAdminDecision],
      ["POST", "/admin/ocop/products/:id/producer", validateBody(AdminAttachProducer)],
      ["POST", "/admin/ocop/listings/refresh", validateBody(AdminRefreshListings)],
      ["POST", "/admin/ocop/trade-centers", validateBody(AdminCreateTradeCenter)],
      ["POST", "/admin/ocop/trade-centers/:id/curators", validateBody(AdminCreateCurator), enforcePasswordPolicy],
    ]),

    // --- producers (auth actor "producer"; actor_id = the producer) ---
    {
      matcher: "/producers/signup",
      method: ["POST"],
      middlewares: [authenticate("producer", ["bearer"], { allowUnregistered: true }), validateBody(ProducerSignup)],
    },
    { matcher: "/vendor/*", middlewares: producerAuth },
    ...vendorUploadRoutes,
    ...checkoutRoutes,
    ...settlementRoutes,
    { matcher: "/vendor/me", method: ["POST"], middlewares: [validateBody(VendorUpdateMe), resolveLogo] },
    {
      matcher: "/vendor/members",
      method: ["POST"],
      middlewares: [validateBody(VendorInviteMember), enforcePasswordPolicy],
    },
    { matcher: "/vendor/products", method: ["GET"], middlewares: [validateQuery(VendorListProducts)] },
    {
      matcher: "/vendor/products",
      method: ["POST"],
      middlewares: [validateBody(VendorCreateProduct), resolveProductImages],
    },
    { matcher: "/vendor/products/:id", method: ["GET"], middlewares: [ensureProducerOwnsProduct("params")] },
    {
      matcher: "/vendor/products/:id",
      method: ["POST"],
      middlewares: [ensureProducerOwnsProduct("params"), validateBody(VendorUpdateProduct), resolveProductImages],
    },
    {
      matcher: "/vendor/certifications",
      method: ["POST"],
      middlewares: [
        validateBody(VendorSubmitCertification),
        refuseForeignProvince,
        ensureProducerOwnsProduct("body"),
        checkProducerSubmission,
      ],
    },

    { matcher: "/vendor/orders/:id", method: ["GET"], middlewares: [ensureProducerInOrder] },
    {
      matcher: "/vendor/orders/:id/fulfillments",
      method: ["POST"],
      middlewares: [ensureProducerInOrder, readIdempotencyKey, validateBody(VendorCreateFulfillment)],
    },
    {
      matcher: "/vendor/orders/:id/shipments",
      method: ["POST"],
      middlewares: [ensureProducerInOrder, readIdempotencyKey, validateBody(VendorShipOrderPart)],
    },
    {
      matcher: "/vendor/orders/:id/status",
      method: ["POST"],
      middlewares: [ensureProducerInOrder, validateBody(VendorChangeOrderPartStatus)],
    },

    // --- trade-promotion centres (auth actor "curator"; actor_id = the trade centre) ---
    { matcher: "/trade-center/*", middlewares: curatorAuth },
    ...routeTable([
      ["GET", "/trade-center/certifications", validateQuery(CuratorListCertifications)],
      [
        "POST",
        "/trade-center/certifications/:id/:action",
        ensureCertificationInCuratorProvince,
        readIdempotencyKey,
        validateBody(AdminCertificationAction),
      ],
      ["GET", "/trade-center/products", validateQuery(CuratorListProducts)],
      ["GET", "/trade-center/producers", validateQuery(CuratorListProducers)],
      ["POST", "/trade-center/producers/:id/approve", validateBody(AdminProducerAction)],
      ["POST", "/trade-center/curators", validateBody(AdminCreateCurator), enforcePasswordPolicy],
      ["POST", "/trade-center/featured-lists", validateBody(FeaturedListBody), refuseHomePlacement],
      ["POST", "/trade-center/featured-lists/:id", validateBody(FeaturedListBody), refuseHomePlacement],
      ["POST", "/admin/ocop/featured-lists", validateBody(FeaturedListBody)],
    ]),

    // --- checkout: one completion at a time per stocked item, sold out answered before the work ---
    {
      matcher: "/store/carts/:id/complete",
      method: ["POST"],
      middlewares: [serializeCheckout],
    },
    { matcher: "/store/orders/:id/transfer/request", method: ["POST"], middlewares: [ensureOrderTransferable] },
    // --- a cart never asks for more units than the shop has left (decision 019) ---
    {
      matcher: "/store/carts/:id/line-items",
      method: ["POST"],
      // One add per Idempotency-Key (a double click adds once), before the stock is counted.
      middlewares: [readIdempotencyKey, addLineOncePerKey, timedMiddleware("stock_guard", refuseMoreThanAvailable)],
    },
    {
      matcher: "/store/carts/:id/line-items/:line_id",
      method: ["POST"],
      middlewares: [timedMiddleware("stock_guard", refuseMoreThanAvailable)],
    },
    // --- the storefront's add to cart: the same rules, our lean add (workflows/cart/add-line-to-cart.ts) ---
    ...cartRoutes,

    // --- public store routes ---
    { matcher: "/store/ocop/featured-lists", method: ["GET"], middlewares: [validateQuery(StoreFeaturedLists)] },
    { matcher: "/store/ocop/showcase", method: ["GET"], middlewares: [validateQuery(StoreShowcase)] },
    { matcher: "/store/ocop/sitemap", method: ["GET"], middlewares: [validateQuery(StoreSitemap)] },
    { matcher: "/store/ocop/producers", method: ["GET"], middlewares: [validateQuery(StoreListProducers)] },
    { matcher: "/store/ocop/listings", method: ["GET"], middlewares: [validateQuery(StoreListings)] },
    { matcher: "/store/ocop/verify", method: ["GET"], middlewares: [validateQuery(StoreVerify)] },
    {
      matcher: "/store/ocop/orders/:id",
      method: ["GET"],
      middlewares: [
        authenticate("customer", ["bearer", "session"], { allowUnauthenticated: true }),
        validateQuery(StoreOrderQuery),
      ],
    },
  ],
})
