import { AdminCreateProducer } from "../admin/ocop/validators"

/** A producer signs itself up with the admin's fields, less the handle (made from the name). */
export const ProducerSignup = AdminCreateProducer.omit({ handle: true })
