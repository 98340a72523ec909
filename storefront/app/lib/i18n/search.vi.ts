/** Vietnamese UI text of the search, verification and certificate QR area. */
export const viSearch = {
  "search.includesCorrected": "Kết quả gồm cả từ gần đúng. Tìm đúng từ:",
  "search.showFilters": "Hiện bộ lọc",
  "search.formerNote": "{former} nay thuộc {name}",
  "qr.alt": "Mã QR tra cứu chứng nhận OCOP {code}",
  "qr.caption": "Quét mã bằng điện thoại để tra cứu chứng nhận trên trang công khai.",
  "verify.product": "Sản phẩm",
  "verify.scan": "Ảnh giấy chứng nhận",
  "verify.scanAlt": "Ảnh chụp giấy chứng nhận OCOP {code}",
  "verify.notListed": "(hiện không bán trên Chợ OCOP)",
} as const;
