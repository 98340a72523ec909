/** What the search benchmarks ask: shoppers' words (with and without accents, misspelt) and provinces. */
export const TEXT = [
  "nước mắm",
  "nuoc mam",
  "trà shan tuyết",
  "tra shan tuyet",
  "mật ong",
  "cà phê",
  "ca phe",
  "gạo st25",
  "đặc sản đồng tháp",
  "dac san",
  "hoà bình",
  "hòa bình",
  "nước mắm phú quốc",
  "nuoc mamm",
  "che thai nguyen",
  "yến sào",
  "rượu",
  "bánh",
  "kẹo dừa",
  "lọc",
  "nấm",
  "mắm",
  "hữu cơ",
  "quà",
  "sâm ngọc linh",
  "gốm",
  "thổ cẩm",
  "cam cao phong",
  "hat dieu",
  "tuong ot",
]
export const PROV = ["an-giang", "kien giang", "Bình Thuận", "ha-noi", "dong-thap", "Quảng Nam", "lam-dong", "dak-lak"]

/** The kinds of search the provider benches mix, in turn: words only, words and filters, filters only. */
export const QUERY_KINDS = ["text", "text + filters", "filters only"]

/** The i-th query of the provider benches' mix (kind i % 3), drawn with the caller's random source. */
export function mixedQuery(i, rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)]
  const kind = i % 3
  const q = {}
  if (kind !== 2) q.q = pick(TEXT)
  if (kind !== 0) {
    if (rnd() < 0.6) q.province = pick(PROV)
    if (rnd() < 0.5) q.stars = pick([["5"], ["4", "5"], ["3"]])
    if (rnd() < 0.4) q.group = "thuc-pham"
    if (rnd() < 0.3) {
      q.min_price = "50000"
      q.max_price = "500000"
    }
    if (rnd() < 0.2) q.sort = pick(["price_asc", "newest", "stars"])
  }
  return q
}
