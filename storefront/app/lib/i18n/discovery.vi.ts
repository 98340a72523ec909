/** Discovery (home, province, group and producer pages) and what search engines read. */
export const viDiscovery = {
  "discovery.featuredHeading": "Tuyển chọn",
  "discovery.campaignsHeading": "Chương trình đang diễn ra",
  "discovery.campaignDates": "{from} – {to}",
  "discovery.campaignFrom": "Từ {from}",
  "discovery.campaignUntil": "Đến hết {to}",
  "discovery.newestFiveStar": "Sản phẩm 5 sao mới công nhận",
  "discovery.newestProducts": "Sản phẩm mới lên chợ",
  "discovery.seeAll": "Xem tất cả",
  "discovery.browseProvinces": "Mua theo tỉnh, thành",
  "discovery.browseProvincesIntro": "34 tỉnh, thành phố từ ngày 1/7/2025 — tên cũ vẫn tìm được.",
  "discovery.browseGroups": "Mua theo nhóm sản phẩm",
  "discovery.provinceFeatured": "{name} tuyển chọn",
  "discovery.provinceProducers": "Chủ thể sản xuất ở {name}",
  "discovery.groupFeatured": "Nổi bật trong nhóm {name}",
  "discovery.groupSubgroups": "Các phân nhóm",
  "seo.homeDescription":
    "Mua đặc sản OCOP 3–5 sao của 34 tỉnh, thành: nông sản, thực phẩm, đồ uống, dược liệu, " +
    "thủ công mỹ nghệ. Mỗi sản phẩm có chứng nhận tra cứu được.",
  "seo.provinceDescription":
    "Sản phẩm OCOP đạt 3–5 sao của {name}: đặc sản địa phương có chứng nhận còn hiệu lực, " +
    "mua trực tiếp từ chủ thể sản xuất.",
  "seo.groupDescription": "Sản phẩm OCOP nhóm {name}, đạt 3–5 sao, từ khắp 34 tỉnh, thành.",
  "seo.producerDescription": "{name} — chủ thể OCOP ở {province}. Xem câu chuyện và các sản phẩm đạt chứng nhận.",
  "seo.producerDescriptionNoProvince": "{name} — chủ thể OCOP. Xem câu chuyện và các sản phẩm đạt chứng nhận.",
  "seo.productDescription": "{title} — sản phẩm OCOP {stars} sao{province}. Giá {price}, chứng nhận tra cứu được.",
  "seo.productDescriptionNoStars": "{title} — sản phẩm OCOP{province}, chứng nhận tra cứu được.",
  "seo.fromProvince": " của {name}",
  "seo.searchDescription":
    "Tìm sản phẩm OCOP theo tên, tỉnh, nhóm sản phẩm, số sao và giá — gõ có dấu hay không dấu đều được.",
  "seo.verifyDescription":
    "Tra cứu số chứng nhận hoặc mã truy xuất OCOP: còn hiệu lực, hết hạn, bị đình chỉ hay bị thu hồi.",
  "seo.cartDescription": "Giỏ hàng của bạn trên Chợ OCOP, chia theo từng chủ thể sản xuất.",
  "seo.checkoutDescription": "Đặt hàng trên Chợ OCOP: địa chỉ giao hàng, phí giao và thanh toán khi nhận hàng.",
  "seo.orderDescription": "Chi tiết đơn hàng của bạn trên Chợ OCOP.",
  "seo.notFoundDescription": "Trang này không tồn tại trên Chợ OCOP.",
} as const;
