/**
 * UI text in Vietnamese (default) and English.
 *
 * `vi` is the source of truth for the keys; `en` is typed against it, so a key
 * missing in either language is a compile error (and i18n.test.ts checks the
 * same thing at runtime, placeholders included).
 * Placeholders are written `{name}` and filled by `t()`.
 */
import { createContext, useContext } from "react";

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "vi";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

const vi = {
  "site.name": "Chợ OCOP",
  "site.altName": "OCOP Marketplace",
  "site.tagline": "Sản phẩm OCOP đạt 3–5 sao",
  "site.skipToContent": "Bỏ qua, đến nội dung chính",
  "nav.home": "Trang chủ",
  "nav.verify": "Tra cứu chứng nhận",
  "nav.main": "Điều hướng chính",
  "lang.label": "Ngôn ngữ",
  "lang.switch": "English",
  "lang.switchTitle": "Switch to English",
  "search.label": "Tìm sản phẩm OCOP",
  "search.placeholder": "Nước mắm, mật ong, trà…",
  "search.submit": "Tìm",
  "search.title": "Tìm kiếm",
  "search.resultsFor": "Kết quả cho “{q}”",
  "search.count": "{n} sản phẩm",
  "search.none": "Không tìm thấy sản phẩm phù hợp. Hãy thử từ khóa khác.",
  "search.prompt": "Nhập tên sản phẩm, tỉnh hoặc chủ thể sản xuất để tìm.",
  "footer.about":
    "Chợ OCOP giới thiệu các sản phẩm đã được công nhận 3, 4 hoặc 5 sao theo Chương trình Mỗi xã một sản phẩm, với chứng nhận còn hiệu lực, từ hợp tác xã, doanh nghiệp và hộ sản xuất trên khắp Việt Nam.",
  "footer.programme": "Chương trình Mỗi xã một sản phẩm (OCOP)",
  "footer.prices": "Giá đã gồm thuế GTGT, tính bằng đồng Việt Nam (₫).",
  "footer.openSource": "Phần mềm mã nguồn mở",
  "home.title": "Chợ OCOP — Đặc sản vùng miền đạt chứng nhận OCOP",
  "home.description":
    "Mua đặc sản vùng miền đã được chứng nhận OCOP 3–5 sao, trực tiếp từ hợp tác xã và cơ sở sản xuất địa phương.",
  "home.heroKicker": "Mỗi xã một sản phẩm",
  "home.heroTitle": "Đặc sản vùng miền, chứng nhận OCOP",
  "home.heroBody":
    "Mỗi sản phẩm ở đây đều được hội đồng đánh giá xếp hạng 3, 4 hoặc 5 sao và đang còn hiệu lực chứng nhận. Mua trực tiếp từ hợp tác xã, doanh nghiệp và hộ sản xuất ở địa phương.",
  "home.heroVerify": "Tra cứu một chứng nhận",
  "home.productsHeading": "Sản phẩm OCOP",
  "home.empty": "Chưa có sản phẩm nào được niêm yết. Vui lòng quay lại sau.",
  "pagination.label": "Phân trang",
  "pagination.prev": "Trang trước",
  "pagination.next": "Trang sau",
  "pagination.status": "Trang {page} / {pages}",
  "price.unavailable": "Chưa có giá",
  "price.from": "Từ {price}",
  "product.noImage": "Chưa có ảnh",
  "product.imageAlt": "Ảnh {n} của {title}",
  "product.gallery": "Ảnh sản phẩm",
  "product.description": "Mô tả sản phẩm",
  "product.variant": "Phân loại",
  "product.chooseVariant": "Chọn phân loại",
  "product.inStock": "Còn hàng",
  "product.lowStock": "Chỉ còn {n}",
  "product.outOfStock": "Hết hàng",
  "product.backorder": "Nhận đặt trước",
  "product.quantity": "Số lượng",
  "product.addToCart": "Thêm vào giỏ hàng",
  "product.cartComingSoon":
    "Giỏ hàng đang được xây dựng và sẽ sớm ra mắt. Sản phẩm chưa được thêm vào giỏ.",
  "product.breadcrumb": "Đường dẫn",
  "cert.heading": "Chứng nhận OCOP",
  "cert.stars": "Hạng sao",
  "cert.score": "Điểm đánh giá",
  "cert.certificateNumber": "Số giấy chứng nhận",
  "cert.decisionNumber": "Số quyết định",
  "cert.decisionDate": "Ngày quyết định",
  "cert.group": "Nhóm sản phẩm",
  "cert.issuingAuthority": "Cơ quan công nhận",
  "cert.legalBasis": "Căn cứ",
  "cert.validFrom": "Hiệu lực từ",
  "cert.validTo": "Hiệu lực đến",
  "cert.status": "Trạng thái",
  "cert.traceability": "Mã truy xuất",
  "cert.province": "Tỉnh/thành",
  "cert.unavailable": "Thông tin chứng nhận của sản phẩm này tạm thời chưa hiển thị được.",
  "cert.verifyLink": "Tra cứu chứng nhận này",
  "status.approved": "Còn hiệu lực",
  "status.valid": "Còn hiệu lực",
  "status.submitted": "Đang chờ xét duyệt",
  "status.rejected": "Không được công nhận",
  "status.expired": "Hết hiệu lực",
  "status.revoked": "Đã bị thu hồi",
  "status.suspended": "Đang bị tạm đình chỉ",
  "status.unknown": "Không xác định",
  "stars.label": "{n} sao",
  "stars.badge": "OCOP {n} sao",
  "producer.heading": "Chủ thể sản xuất",
  "producer.type": "Loại hình",
  "producer.province": "Tỉnh/thành",
  "producer.viewPage": "Xem trang của chủ thể",
  "producer.story": "Câu chuyện",
  "producer.products": "Sản phẩm của chủ thể",
  "producer.noProducts": "Chủ thể này chưa có sản phẩm đang niêm yết.",
  "producer.notFoundTitle": "Không tìm thấy chủ thể sản xuất",
  "producer.notFoundBody": "Chủ thể này không tồn tại hoặc chưa được duyệt.",
  "entity.cooperative": "Hợp tác xã",
  "entity.enterprise": "Doanh nghiệp",
  "entity.cooperative_group": "Tổ hợp tác",
  "entity.household": "Hộ kinh doanh",
  "verify.title": "Tra cứu chứng nhận OCOP",
  "verify.intro":
    "Nhập số giấy chứng nhận hoặc mã truy xuất in trên bao bì để kiểm tra sản phẩm có đang được công nhận OCOP hay không.",
  "verify.codeLabel": "Số giấy chứng nhận hoặc mã truy xuất",
  "verify.codeHint": "Ví dụ: 123/GCN-UBND hoặc mã in cạnh tem OCOP.",
  "verify.submit": "Tra cứu",
  "verify.codeRequired": "Vui lòng nhập mã cần tra cứu.",
  "verify.codeTooLong": "Mã quá dài (tối đa 120 ký tự).",
  "verify.result.valid": "Chứng nhận còn hiệu lực.",
  "verify.result.expired": "Chứng nhận đã hết hiệu lực. Sản phẩm không còn được dùng nhãn OCOP.",
  "verify.result.revoked": "Chứng nhận đã bị thu hồi.",
  "verify.result.suspended": "Chứng nhận đang bị tạm đình chỉ.",
  "verify.result.unknown": "Không tìm thấy chứng nhận nào khớp với mã “{code}”.",
  "verify.unavailable": "Dịch vụ tra cứu tạm thời không hoạt động. Vui lòng thử lại sau.",
  "verify.producer": "Chủ thể sản xuất",
  "error.notFoundTitle": "Không tìm thấy trang",
  "error.notFoundBody": "Trang bạn tìm không tồn tại hoặc đã được gỡ xuống.",
  "error.productNotFoundTitle": "Không tìm thấy sản phẩm",
  "error.productNotFoundBody":
    "Sản phẩm này không tồn tại hoặc không còn được niêm yết (ví dụ khi chứng nhận OCOP đã hết hạn).",
  "error.genericTitle": "Đã có lỗi xảy ra",
  "error.genericBody": "Xin lỗi, trang này chưa hiển thị được. Vui lòng thử lại sau ít phút.",
  "error.configTitle": "Cửa hàng chưa được cấu hình",
  "error.configBody":
    "Thiếu biến môi trường MEDUSA_PUBLISHABLE_KEY. Quản trị viên cần đặt khóa publishable của Medusa rồi khởi động lại cửa hàng.",
  "error.backendTitle": "Không kết nối được máy chủ cửa hàng",
  "error.backendBody": "Máy chủ dữ liệu đang tạm thời không phản hồi. Vui lòng thử lại sau ít phút.",
  "error.backHome": "Về trang chủ",
  "error.status": "Mã lỗi {status}",
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  "site.name": "OCOP Marketplace",
  "site.altName": "Chợ OCOP",
  "site.tagline": "Certified OCOP products, 3–5 stars",
  "site.skipToContent": "Skip to main content",
  "nav.home": "Home",
  "nav.verify": "Verify a certificate",
  "nav.main": "Main navigation",
  "lang.label": "Language",
  "lang.switch": "Tiếng Việt",
  "lang.switchTitle": "Chuyển sang tiếng Việt",
  "search.label": "Search OCOP products",
  "search.placeholder": "Fish sauce, honey, tea…",
  "search.submit": "Search",
  "search.title": "Search",
  "search.resultsFor": "Results for “{q}”",
  "search.count": "{n} products",
  "search.none": "No matching products. Try another word.",
  "search.prompt": "Type a product, a province or a producer to search.",
  "footer.about":
    "OCOP Marketplace offers products recognised with 3, 4 or 5 stars under Vietnam's One Commune One Product programme, with a valid certificate, from cooperatives, enterprises and household producers across the country.",
  "footer.programme": "One Commune One Product (OCOP) programme",
  "footer.prices": "Prices include VAT and are in Vietnamese đồng (₫).",
  "footer.openSource": "Open-source software",
  "home.title": "OCOP Marketplace — Certified regional specialties of Vietnam",
  "home.description":
    "Buy Vietnamese regional specialties certified OCOP 3–5 stars, directly from local cooperatives and producers.",
  "home.heroKicker": "One Commune One Product",
  "home.heroTitle": "Regional specialties, OCOP certified",
  "home.heroBody":
    "Every product here was rated 3, 4 or 5 stars by an evaluation council and holds a valid certificate. Buy directly from local cooperatives, enterprises and household producers.",
  "home.heroVerify": "Verify a certificate",
  "home.productsHeading": "OCOP products",
  "home.empty": "No products are listed yet. Please come back later.",
  "pagination.label": "Pagination",
  "pagination.prev": "Previous page",
  "pagination.next": "Next page",
  "pagination.status": "Page {page} of {pages}",
  "price.unavailable": "Price not available",
  "price.from": "From {price}",
  "product.noImage": "No image yet",
  "product.imageAlt": "Image {n} of {title}",
  "product.gallery": "Product images",
  "product.description": "Description",
  "product.variant": "Option",
  "product.chooseVariant": "Choose option",
  "product.inStock": "In stock",
  "product.lowStock": "Only {n} left",
  "product.outOfStock": "Out of stock",
  "product.backorder": "Available to order",
  "product.quantity": "Quantity",
  "product.addToCart": "Add to cart",
  "product.cartComingSoon": "The cart is being built and is coming soon. Nothing was added to a cart.",
  "product.breadcrumb": "Breadcrumb",
  "cert.heading": "OCOP certification",
  "cert.stars": "Star rating",
  "cert.score": "Evaluation score",
  "cert.certificateNumber": "Certificate number",
  "cert.decisionNumber": "Decision number",
  "cert.decisionDate": "Decision date",
  "cert.group": "Product group",
  "cert.issuingAuthority": "Issuing authority",
  "cert.legalBasis": "Legal basis",
  "cert.validFrom": "Valid from",
  "cert.validTo": "Valid until",
  "cert.status": "Status",
  "cert.traceability": "Traceability code",
  "cert.province": "Province",
  "cert.unavailable": "Certification details for this product cannot be shown right now.",
  "cert.verifyLink": "Verify this certificate",
  "status.approved": "Valid",
  "status.valid": "Valid",
  "status.submitted": "Under review",
  "status.rejected": "Not recognised",
  "status.expired": "Expired",
  "status.revoked": "Revoked",
  "status.suspended": "Suspended",
  "status.unknown": "Unknown",
  "stars.label": "{n} stars",
  "stars.badge": "OCOP {n} stars",
  "producer.heading": "Producer",
  "producer.type": "Type",
  "producer.province": "Province",
  "producer.viewPage": "View producer page",
  "producer.story": "Story",
  "producer.products": "Products from this producer",
  "producer.noProducts": "This producer has no listed products right now.",
  "producer.notFoundTitle": "Producer not found",
  "producer.notFoundBody": "This producer does not exist or has not been approved yet.",
  "entity.cooperative": "Cooperative",
  "entity.enterprise": "Enterprise",
  "entity.cooperative_group": "Cooperative group",
  "entity.household": "Household business",
  "verify.title": "Verify an OCOP certificate",
  "verify.intro":
    "Enter the certificate number or the traceability code printed on the package to check whether the product currently holds OCOP recognition.",
  "verify.codeLabel": "Certificate number or traceability code",
  "verify.codeHint": "For example 123/GCN-UBND, or the code next to the OCOP stamp.",
  "verify.submit": "Verify",
  "verify.codeRequired": "Please enter a code to verify.",
  "verify.codeTooLong": "The code is too long (at most 120 characters).",
  "verify.result.valid": "The certificate is valid.",
  "verify.result.expired": "The certificate has expired. The product may no longer carry the OCOP label.",
  "verify.result.revoked": "The certificate has been revoked.",
  "verify.result.suspended": "The certificate is suspended.",
  "verify.result.unknown": "No certificate matches “{code}”.",
  "verify.unavailable": "The verification service is unavailable right now. Please try again later.",
  "verify.producer": "Producer",
  "error.notFoundTitle": "Page not found",
  "error.notFoundBody": "The page you are looking for does not exist or has been removed.",
  "error.productNotFoundTitle": "Product not found",
  "error.productNotFoundBody":
    "This product does not exist or is no longer listed (for example when its OCOP certificate has expired).",
  "error.genericTitle": "Something went wrong",
  "error.genericBody": "Sorry, this page could not be shown. Please try again in a few minutes.",
  "error.configTitle": "The store is not configured",
  "error.configBody":
    "The MEDUSA_PUBLISHABLE_KEY environment variable is missing. An administrator must set the Medusa publishable key and restart the storefront.",
  "error.backendTitle": "Cannot reach the store server",
  "error.backendBody": "The data server is not responding right now. Please try again in a few minutes.",
  "error.backHome": "Back to home",
  "error.status": "Error code {status}",
};

export const messages: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type MessageParams = Record<string, string | number>;

export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = messages[lang][key] ?? messages[DEFAULT_LANG][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** dd/mm/yyyy in Vietnamese, "12 Mar 2025" in English; dates are read in Vietnam's time zone. */
export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return "—";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  const options: Intl.DateTimeFormatOptions =
    lang === "vi"
      ? { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }
      : { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" };
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", options).format(date);
}

/** The language of the current page, provided once in root.tsx. */
export const LangContext = createContext<Lang>(DEFAULT_LANG);

export function useLang(): Lang {
  return useContext(LangContext);
}

/** `const tr = useT(); tr("search.submit")` */
export function useT() {
  const lang = useLang();
  return (key: MessageKey, params?: MessageParams) => t(lang, key, params);
}
