import { useFetchers } from "@remix-run/react";

/** The fetcher key of every "add to cart" form, so the header can see it from anywhere. */
export const ADD_TO_CART_FETCHER = "add-to-cart";

/**
 * The cart count the header shows while an "add to cart" runs without a page reload: the units
 * being added on top of the last known count while the request is out, then the count the backend
 * answered (until the root loader has it too). A refused add shows the old count again.
 */
export function useCartCountWithPending(cartCount: number): number {
  const fetcher = useFetchers().find((f) => f.key === ADD_TO_CART_FETCHER);
  if (!fetcher) return cartCount;
  if (fetcher.state === "submitting") {
    const quantity = Number(fetcher.formData?.get("quantity") ?? 1);
    return cartCount + (Number.isInteger(quantity) && quantity > 0 && quantity < 100 ? quantity : 0);
  }
  const answer = fetcher.data as { cart?: string; count?: number } | undefined;
  if (fetcher.state === "loading" && answer?.cart === "added" && typeof answer.count === "number") return answer.count;
  return cartCount;
}
