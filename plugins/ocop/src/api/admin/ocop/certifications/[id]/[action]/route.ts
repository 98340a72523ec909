import { certificationDecisionRoute } from "../../../../../utils/certification-decision-route"

/** POST /admin/ocop/certifications/:id/approve | reject | suspend | reinstate | revoke (an operator decides) */
export const POST = certificationDecisionRoute("user")
