import { type AdminDictionary, adminTextOf } from "./i18n"

/** The statements page's words (issue 16), in the admin's language. */
const TEXT = {
  title: { vi: "Sao kê chủ thể", en: "Producer statements" },
  intro: {
    vi: "Doanh số, phí sàn, thuế khấu trừ (Nghị định 117/2025/NĐ-CP) và số phải trả cho từng chủ thể trong tháng.",
    en: "Sales, commission, tax withheld (Decree 117/2025/NĐ-CP) and payout due per producer for the month.",
  },
  month: { vi: "Tháng", en: "Month" },
  producer: { vi: "Chủ thể", en: "Producer" },
  gross: { vi: "Doanh số", en: "Gross" },
  netSales: { vi: "Doanh thu thuần", en: "Net sales" },
  commission: { vi: "Phí sàn", en: "Commission" },
  tax: { vi: "Thuế khấu trừ", en: "Tax withheld" },
  cashByProducer: { vi: "COD chủ thể giữ", en: "Cash kept by producer" },
  due: { vi: "Phải trả", en: "Payout due" },
  paid: { vi: "Đã trả", en: "Paid" },
  outstanding: { vi: "Còn lại", en: "Outstanding" },
  total: { vi: "Toàn sàn", en: "Platform" },
  pending: { vi: "còn đơn chưa quyết toán", en: "parts still pending" },
  csv: { vi: "CSV", en: "CSV" },
  recordPayout: { vi: "Ghi nhận chi trả", en: "Record payout" },
  bankReferencePrompt: {
    vi: "Mã giao dịch ngân hàng của khoản chuyển cho {name}:",
    en: "Bank reference of the transfer to {name}:",
  },
  amountPrompt: { vi: "Số tiền đã chuyển (đồng):", en: "Amount transferred (đồng):" },
  payoutSaved: { vi: "Đã ghi nhận chi trả.", en: "Payout recorded." },
  empty: { vi: "Không có đơn hàng nào trong tháng này.", en: "No orders in this month." },
  ratesTitle: { vi: "Phí sàn", en: "Commission rates" },
  group: { vi: "Ngành hàng", en: "Product group" },
  allGroups: { vi: "Tất cả ngành (*)", en: "All groups (*)" },
  ratePercent: { vi: "Tỷ lệ (%)", en: "Rate (%)" },
  from: { vi: "Áp dụng từ tháng", en: "From month" },
  saveRate: { vi: "Lưu phí sàn", en: "Save rate" },
} satisfies AdminDictionary

export type StatementsTextKey = keyof typeof TEXT

export const statementsText = adminTextOf(TEXT)
