/**
 * The tax an e-commerce platform with a payment function withholds from household businesses and
 * individuals who sell on it — the one place its rates and legal basis live
 * (docs/decisions/018-producer-statements.md).
 *
 * Legal basis: Nghị định 117/2025/NĐ-CP (9 June 2025, in force 1 July 2025) on tax management of
 * business on e-commerce and digital platforms: the platform deducts and pays, on each sale it
 * collects payment for, the VAT and personal income tax of household businesses and individuals,
 * at the rates of Thông tư 40/2021/TT-BTC for "phân phối, cung cấp hàng hoá" (distribution and
 * supply of goods): 1% VAT and 0.5% PIT of revenue. Enterprises and cooperatives declare their own
 * taxes: nothing is withheld for them.
 *
 * Read on 2026-11-30. When a rate or the scope changes, add the new rule with its own
 * `effective_from` below — statements of past months keep the rule of their month.
 */

export type WithholdingRule = {
  /** First month (YYYY-MM, Vietnam time) the rule applies to. */
  effective_from: string
  legal_basis: string
  /** VAT withheld on goods, in basis points of revenue (100 = 1%). */
  vat_bps: number
  /** Personal income tax withheld on goods, in basis points of revenue (50 = 0.5%). */
  pit_bps: number
  /** Producer entity types (models/producer.ts) the platform withholds for. */
  withheld_for: readonly string[]
}

export const WITHHOLDING_RULES: readonly WithholdingRule[] = [
  {
    effective_from: "2025-07",
    legal_basis: "Nghị định 117/2025/NĐ-CP; Thông tư 40/2021/TT-BTC (hàng hoá: GTGT 1%, TNCN 0,5%)",
    vat_bps: 100,
    pit_bps: 50,
    // A cooperative group (tổ hợp tác) has no legal personality: its members are taxed as individuals
    // doing business together, so it is withheld for like a household (docs/decisions/018-producer-statements.md).
    withheld_for: ["household", "cooperative_group"],
  },
]

/** The rule of a month, or null before Decree 117 applied (nothing was withheld then). */
export function withholdingRuleFor(month: string): WithholdingRule | null {
  const rules = WITHHOLDING_RULES.filter((r) => r.effective_from <= month)
  return rules.length ? rules[rules.length - 1] : null
}

/** The VAT and PIT rates withheld from this producer in this month (zero for enterprises and cooperatives). */
export function withholdingRatesFor(entityType: string, month: string): { vat_bps: number; pit_bps: number } {
  const rule = withholdingRuleFor(month)
  if (!rule || !rule.withheld_for.includes(entityType)) return { vat_bps: 0, pit_bps: 0 }
  return { vat_bps: rule.vat_bps, pit_bps: rule.pit_bps }
}
