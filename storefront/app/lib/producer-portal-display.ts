/** Client-safe display helpers for the producer portal pages (statuses, listing-gate reasons, the VND price). */
import { isMessageKey, useT, type MessageKey } from "./i18n";
import type { VendorProduct } from "./backend/views";

/** Why a product is not on sale, in plain words (the listing gate's reasons). */
export function useReasonText() {
  const tr = useT();
  return (reason: string) => {
    // The gate's reasons have a text in each language (scripts/test/rule-copies.test.ts holds them equal).
    const key = `reason.${reason}`;
    return isMessageKey(key) ? tr(key) : reason;
  };
}

export function vndPriceOf(p: VendorProduct): number | null {
  const price = p.variants?.[0]?.prices?.find((x) => x.currency_code?.toLowerCase() === "vnd");
  return price ? Number(price.amount) : null;
}

export function productStatusKey(status: string): MessageKey | null {
  return ["draft", "published", "proposed", "rejected"].includes(status) ? (`pstate.${status}` as MessageKey) : null;
}

export function producerStatusKey(status: string): MessageKey | null {
  return status === "pending" || status === "active" || status === "suspended"
    ? (`pstatus.${status}` as MessageKey)
    : null;
}
