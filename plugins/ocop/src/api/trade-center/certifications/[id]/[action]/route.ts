import { certificationDecisionRoute } from "../../../../utils/certification-decision-route"

/** POST /trade-center/certifications/:id/approve | … (a curator decides, in its own province only) */
export const POST = certificationDecisionRoute("curator")
