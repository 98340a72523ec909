/**
 * The one place that turns a VND amount into display text.
 *
 * VND is a zero-decimal currency: Medusa stores and returns 120000 for
 * 120.000 ₫ (no ×100). The vi-VN format is used in every UI language, so an
 * English page still shows "120.000 ₫" (digits, U+00A0, ₫).
 */
const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });

export function formatVnd(amount: number): string {
  if (!Number.isFinite(amount)) {
    throw new RangeError(`formatVnd: not a finite amount: ${amount}`);
  }
  return vnd.format(amount);
}
