/**
 * Phone numbers as people type them, and what the one rule makes of them (E.164, or null when
 * refused). Read by the backend's and the storefront's unit tests and by the checkout e2e test,
 * so the two copies of the rule cannot drift apart.
 */
export const PHONE_CASES: ReadonlyArray<readonly [typed: string, stored: string | null]> = [
  ["0912345678", "+84912345678"],
  ["0912 345 678", "+84912345678"],
  ["0912.345.678", "+84912345678"],
  ["0912-345-678", "+84912345678"],
  ["+84 912 345 678", "+84912345678"],
  ["+84912345678", "+84912345678"],
  ["84912345678", "+84912345678"],
  ["0084 912 345 678", "+84912345678"],
  ["(+84) 912 345 678", "+84912345678"],
  [" 0381 234 567 ", "+84381234567"],
  ["0701234567", "+84701234567"],
  ["0712345678", null], // 071 is no mobile prefix
  ["0212345678", null], // landline-style prefix
  ["091234567", null], // 9 digits
  ["09123456789", null], // 11 digits
  ["+1 912 345 678", null],
  ["849123456789", null],
  ["0912a45678", null],
  ["", null],
]
