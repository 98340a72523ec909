/** Vietnamese UI text of adding to the cart and placing the order without a page reload. */
export const viQuickCart = {
  "cart.adding": "Đang thêm…",
  "checkout.placing": "Đang đặt hàng…",
} as const;
