import { AdminListCertifications } from "../admin/ocop/validators"

/** A curator lists its own province's certifications: the province and product filters are not theirs. */
export const CuratorListCertifications = AdminListCertifications.omit({ province_code: true, product_id: true })
