import type { MessageKey } from "./i18n";

/** The payment providers the storefront knows, in the order checkout offers them (issue 16). */
export const COD = "pp_system_default";
export const VIETQR = "pp_vietqr_vietqr";
export const VNPAY = "pp_vnpay_vnpay";
export const STRIPE = "pp_stripe_stripe";

const KNOWN = [COD, VIETQR, VNPAY, STRIPE];

/** Cash on delivery always; the others only when the region really has them (configured on the backend). */
export function offeredPayments(regionProviderIds: readonly string[]): string[] {
  return KNOWN.filter((id) => id === COD || regionProviderIds.includes(id));
}

export const PAYMENT_TEXT: Record<string, { name: MessageKey; hint: MessageKey }> = {
  [COD]: { name: "checkout.cod", hint: "checkout.codHint" },
  [VIETQR]: { name: "payment.vietqr", hint: "payment.vietqrHint" },
  [VNPAY]: { name: "payment.vnpay", hint: "payment.vnpayHint" },
  [STRIPE]: { name: "checkout.card", hint: "payment.cardHint" },
};

/** The method names of the order page's payment view (backend lib/shopper-payment.ts). */
export const METHOD_NAME: Record<string, MessageKey> = {
  vietqr: "payment.vietqr",
  vnpay: "payment.vnpay",
  card: "checkout.card",
  cash_on_delivery: "checkout.cod",
};
