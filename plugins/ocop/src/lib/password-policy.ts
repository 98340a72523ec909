/**
 * One password rule for every login of the marketplace (operators, shoppers, producers, curators),
 * checked by the API wherever a password is set: registration, reset and admin-made curator logins.
 *
 * Length over composition (NIST SP 800-63B): at least 10 characters, not made of a single kind of
 * character (only digits, only letters of one case…), not a well-known password and not the email.
 * 128 characters at most: the hash cost grows with the input.
 */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

export type PasswordProblem = "too_short" | "too_long" | "one_kind" | "common" | "same_as_email"

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, { vi: string; en: string }> = {
  too_short: {
    vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
    en: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  too_long: {
    vi: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`,
    en: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  one_kind: {
    vi: "Mật khẩu cần kết hợp ít nhất hai loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu).",
    en: "Mix at least two kinds of characters (lowercase, uppercase, digits, symbols).",
  },
  common: {
    vi: "Mật khẩu này quá phổ biến và dễ bị đoán; hãy chọn mật khẩu khác.",
    en: "This password is too common and easy to guess; choose another one.",
  },
  same_as_email: {
    vi: "Mật khẩu không được trùng với email.",
    en: "The password must not be the email address.",
  },
}

/**
 * Passwords at the top of leaked-password lists that pass the length and mix rules, and their
 * Vietnamese favourites (compared whole and case-insensitively). Shorter ones fail on length anyway.
 */
export const COMMON_PASSWORDS = new Set([
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "qwertyuiop",
  "qwerty1234",
  "qwerty12345",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "zaq12wsx34",
  "abcd123456",
  "abc1234567",
  "a123456789",
  "123456789a",
  "aa12345678",
  "iloveyou12",
  "iloveyou123",
  "welcome123",
  "admin12345",
  "admin123456",
  "changeme123",
  "letmein123",
  "sunshine12",
  "princess12",
  "football12",
  "superman12",
  "matkhau123",
  "matkhau@123",
  "matkhau1234",
  "anhyeuem123",
  "emyeuanh123",
  "vietnam123",
  "vietnam2024",
  "vietnam2025",
  "vietnam2026",
  "hanoi12345",
  "saigon1234",
  "123456789abc",
])

function characterKinds(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((kind) => kind.test(password)).length
}

/** The first problem of a password, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string | null): PasswordProblem | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return "too_short"
  if (length > PASSWORD_MAX_LENGTH) return "too_long"
  const lower = password.toLowerCase()
  const emailLower = email?.trim().toLowerCase()
  if (emailLower && (lower.trim() === emailLower || lower.trim() === emailLower.split("@")[0])) return "same_as_email"
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/u.test(lower)) return "common"
  if (characterKinds(password) < 2) return "one_kind"
  return null
}
