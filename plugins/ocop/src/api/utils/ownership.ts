import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { OCOP_MODULE, type OcopModuleService } from "../../modules/ocop"
import { actsForProducer, type ProducerLoginMetadata } from "../../lib/producer-members"

/** The producer this request acts for (auth actor "producer"; actor_id is the producer id). */
export const producerIdOf = (req: AuthenticatedMedusaRequest) => req.auth_context.actor_id

export { productIdsOfProducer } from "../../lib/producer-products"

/** A middleware of the portals' routes: answers the request itself, or calls next(). */
type Guard = (req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<unknown>

const unauthorized = (res: MedusaResponse, message: string) => res.status(401).json({ type: "unauthorized", message })
const notFound = (res: MedusaResponse, message: string) => res.status(404).json({ type: "not_found", message })

/**
 * Every /vendor route that names a product goes through this: a product of another producer is
 * "not found" (404), so a producer cannot even learn that it exists.
 */
export function ensureProducerOwnsProduct(from: "params" | "body" = "params"): Guard {
  return async (req, res, next) => {
    if (!req.auth_context?.actor_id) return unauthorized(res, "Log in as a producer.")
    const productId = from === "params" ? req.params.id : (req.body as any)?.product_id
    if (!productId) return next()
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "producer.id"], filters: { id: productId } })
    if ((data[0] as any)?.producer?.id !== producerIdOf(req)) {
      return notFound(res, `Product ${productId} was not found.`)
    }
    next()
  }
}

/** A producer account must belong to a producer that still exists. */
export const ensureProducerAccount: Guard = async (req, res, next) => {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [producer] = await ocop.listProducers({ id: producerIdOf(req) }, { take: 1 })
  if (!producer) return unauthorized(res, "This login is not a member of any producer.")
  // A member removed from the shop keeps its unexpired token: the identity, not the token, is the truth.
  const [identity] = await req.scope
    .resolve(Modules.AUTH)
    .listAuthIdentities({ id: [req.auth_context.auth_identity_id] }, { take: 1 })
  if (!actsForProducer(identity?.app_metadata as ProducerLoginMetadata | undefined, producer.id))
    return unauthorized(res, "This login is no longer a member of this producer.")
  ;(req as any).producer = producer
  next()
}

/** Curators act only in their trade centre's province. */
export const ensureCuratorAccount: Guard = async (req, res, next) => {
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [center] = await ocop.listTradeCenters({ id: req.auth_context.actor_id }, { take: 1 })
  if (!center) return unauthorized(res, "This login is not a curator of any trade centre.")
  // A login removed from the centre keeps its unexpired token: the identity, not the token, is the truth.
  const [identity] = await req.scope
    .resolve(Modules.AUTH)
    .listAuthIdentities({ id: [req.auth_context.auth_identity_id] }, { take: 1 })
  if ((identity?.app_metadata as { curator_id?: unknown } | undefined)?.curator_id !== center.id)
    return unauthorized(res, "This login is no longer a curator of this centre.")
  ;(req as any).tradeCenter = center
  next()
}

/**
 * A curator's certification routes: another province's certification is "not found" (404), exactly as
 * one that does not exist, so a centre cannot even learn which certificates other provinces hold.
 */
export const ensureCertificationInCuratorProvince: Guard = async (req, res, next) => {
  const center = (req as { tradeCenter?: { province_code: string } }).tradeCenter
  if (!center) return unauthorized(res, "Log in as a curator.")
  const ocop = req.scope.resolve<OcopModuleService>(OCOP_MODULE)
  const [cert] = await ocop.listCertifications({ id: req.params.id }, { take: 1, select: ["id", "province_code"] })
  if (!cert || cert.province_code !== center.province_code)
    return notFound(res, `Certification ${req.params.id} was not found.`)
  next()
}

/** /vendor/orders/:id — only orders that contain this producer's products; others are 404. */
export const ensureProducerInOrder: Guard = async (req, res, next) => {
  if (!req.auth_context?.actor_id) return unauthorized(res, "Log in as a producer.")
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "producers.id"],
    filters: { id: req.params.id },
  })
  const involved = ((data[0] as any)?.producers ?? []).some((p: any) => p?.id === producerIdOf(req))
  if (!involved) return notFound(res, `Order ${req.params.id} was not found.`)
  next()
}
