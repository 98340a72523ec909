import { useFetchers } from "@remix-run/react";

/** How every "add to cart" fetcher's key starts (one per product and variant): the header finds them by it. */
export const ADD_TO_CART_FETCHER = "add-to-cart";

/**
 * The cart count the header shows while an "add to cart" runs without a page reload: the units
 * being added on top of the last known count while requests are out, then the count the backend
 * answered (until the root loader has it too). A refused add shows the old count again.
 */
export function useCartCountWithPending(cartCount: number): number {
  const adds = useFetchers().filter((f) => f.key.startsWith(ADD_TO_CART_FETCHER));
  const sending = adds.filter((f) => f.state === "submitting");
  if (sending.length) {
    return sending.reduce((count, f) => {
      const quantity = Number(f.formData?.get("quantity") ?? 1);
      return count + (Number.isInteger(quantity) && quantity > 0 && quantity < 100 ? quantity : 0);
    }, cartCount);
  }
  const answered = adds.flatMap((f) => {
    const answer = f.data as { cart?: string; count?: number } | undefined;
    return f.state === "loading" && answer?.cart === "added" && typeof answer.count === "number" ? [answer.count] : [];
  });
  return answered.length ? Math.max(...answered) : cartCount;
}
