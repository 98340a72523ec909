/**
 * Vietnamese mobile numbers since 2018: 10 digits from 0 (or +84), current carrier prefixes.
 * People write them with spaces, dots or dashes ("0912 345 678", "0912.345.678"), with +84 or
 * 84 in front ("+84 912 345 678", "84912345678"): all are accepted and stored as E.164
 * ("+84912345678"). The storefront keeps a copy of this rule (storefront/app/lib/phone.ts); both
 * are tested against the same cases (lib/phone-cases.ts).
 */
export const VN_MOBILE = /^(?:\+84|0)(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/
export const VN_MOBILE_MESSAGE = "Enter a 10-digit Vietnamese mobile number, e.g. 0912 345 678."
export const VN_MOBILE_MESSAGE_VI = "Nhập số di động Việt Nam 10 chữ số, ví dụ 0912 345 678."

const SEPARATORS = /[\s.\-()\u00A0]/g
const NATIONAL = /^(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/

/** The number in E.164 ("+84912345678"), or null when it is not a Vietnamese mobile number. */
export function normalizeVietnameseMobile(raw: string): string | null {
  const compact = raw.replace(SEPARATORS, "")
  const national = /^\+84/.test(compact)
    ? compact.slice(3)
    : /^0084/.test(compact)
      ? compact.slice(4)
      : /^84\d{9}$/.test(compact)
        ? compact.slice(2)
        : /^0/.test(compact)
          ? compact.slice(1)
          : null
  return national !== null && NATIONAL.test(national) ? `+84${national}` : null
}
