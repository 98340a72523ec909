/**
 * Vietnamese text helpers shared by search, province look-up and handles.
 * NFD strips tone and vowel marks but does NOT decompose đ/Đ, so they are mapped explicitly.
 */
export function foldVietnamese(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC")
}

/** Folded, lower-cased, single-spaced: the key used to compare names typed in any accent style. */
export function matchKey(text: string): string {
  return foldVietnamese(text.normalize("NFC"))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
}

/** URL-safe handle: "Nước mắm Phú Quốc" → "nuoc-mam-phu-quoc". */
export function toHandle(text: string): string {
  return matchKey(text).replace(/\s+/g, "-")
}
