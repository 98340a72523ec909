/** Vietnamese UI text of the search, verification and certificate QR area. */
export const viSearch = {
  "search.includesCorrected": "Kết quả gồm cả từ gần đúng. Tìm chính xác:",
  "search.showFilters": "Hiện bộ lọc",
  "search.formerNote": "{former} nay thuộc {name}",
} as const;
