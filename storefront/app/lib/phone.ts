/**
 * Vietnamese mobile numbers as people write them ("0912 345 678", "0912.345.678",
 * "+84 912 345 678", "84912345678"), stored as E.164 ("+84912345678").
 *
 * The same rule as the backend's plugins/ocop/src/lib/phone.ts (the storefront does not import
 * backend code); both are tested against the same cases (plugins/ocop/src/lib/phone-cases.ts), and
 * the checkout e2e test sends a spaced number through this copy to the real backend.
 */
export const VN_MOBILE = /^(?:\+84|0)(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/;

const SEPARATORS = /[\s.\-()\u00A0]/g;
const NATIONAL = /^(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/;

/** The number in E.164 ("+84912345678"), or null when it is not a Vietnamese mobile number. */
export function normalizeVietnameseMobile(raw: string): string | null {
  const compact = raw.replace(SEPARATORS, "");
  const national = /^\+84/.test(compact)
    ? compact.slice(3)
    : /^0084/.test(compact)
      ? compact.slice(4)
      : /^84\d{9}$/.test(compact)
        ? compact.slice(2)
        : /^0/.test(compact)
          ? compact.slice(1)
          : null;
  return national !== null && NATIONAL.test(national) ? `+84${national}` : null;
}
