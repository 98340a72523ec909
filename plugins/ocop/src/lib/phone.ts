/** Vietnamese mobile numbers since 2018: 10 digits from 0 (or +84), current carrier prefixes. */
export const VN_MOBILE = /^(?:\+84|0)(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/
export const VN_MOBILE_MESSAGE = "Enter a 10-digit Vietnamese mobile number, e.g. 0912345678."
