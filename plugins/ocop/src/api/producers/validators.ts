import { formerProvinceProblem } from "../../lib/provinces"
import { AdminCreateProducer } from "../admin/ocop/validators"

/**
 * A producer signs itself up with the admin's fields, less the handle (made from the name); a former
 * province must be one that merged into the chosen unit.
 */
export const ProducerSignup = AdminCreateProducer.omit({ handle: true }).superRefine((v, ctx) => {
  const problem = formerProvinceProblem(v.province_code, v.former_province_code)
  if (problem) ctx.addIssue({ code: "custom", path: ["former_province_code"], message: problem })
})
