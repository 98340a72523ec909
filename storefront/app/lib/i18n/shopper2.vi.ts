/** Checkout with saved addresses and the order page's delivery fee per producer part. */
export const viShopper2 = {
  "search.resultsHeading": "Sản phẩm tìm được",
  "checkout.savedAddresses": "Địa chỉ đã lưu",
  "checkout.savedAddressesHint": "Chọn một địa chỉ để điền sẵn bên dưới, hoặc nhập địa chỉ mới.",
  "checkout.newAddress": "Nhập địa chỉ mới",
  "order.partItems": "Tiền hàng",
  "order.partDelivery": "Phí giao hàng",
  "order.partTotal": "Cộng phần này",
  "order.deliveriesNote": "Mỗi nhà sản xuất giao phần của mình riêng, với phí giao hàng riêng.",
} as const;
