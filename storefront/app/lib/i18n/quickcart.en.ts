import type { viQuickCart } from "./quickcart.vi";

/** English UI text of adding to the cart and placing the order without a page reload. */
export const enQuickCart: Record<keyof typeof viQuickCart, string> = {
  "cart.adding": "Adding…",
  "checkout.placing": "Placing the order…",
};
