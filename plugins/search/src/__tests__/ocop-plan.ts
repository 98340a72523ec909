/** The table plan of the real `ocop_product` index, for the provider's unit tests. */
import { ocopProductFields } from "../lib/fields"
import { buildTablePlan } from "../providers/ocop-postgres/plan"

export const OCOP_FIELDS = ocopProductFields.toFields()
export const ocopPlan = () => buildTablePlan("ocop_product_unit", { fields: OCOP_FIELDS, primary_key: "id" })
