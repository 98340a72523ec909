/**
 * Rules that live on both sides of the HTTP boundary. The storefront never imports backend code, so
 * where it checks a rule before sending (to answer in the page's language without a round trip) it
 * keeps its own copy; these tests hold each copy equal to the backend's, which stays the authority.
 *
 * - the password policy: the form must never refuse what the API accepts, and refuses for the same
 *   reason where it checks the same rule (its list of leaked passwords is a subset of the API's);
 * - the listing gate's reasons: every reason the gate can give has its text in both storefront
 *   languages, and the storefront has no text for a reason the gate no longer gives.
 */
import { describe, expect, it } from "vitest"
import { GATE_REASON_TEXT } from "../../plugins/ocop/src/lib/listing-gate"
import * as backendPassword from "../../plugins/ocop/src/lib/password-policy"
import * as storefrontForms from "../../storefront/app/lib/forms"
import { en } from "../../storefront/app/lib/i18n/en"
import { vi } from "../../storefront/app/lib/i18n/vi"
import { seededRandom } from "../../tests/support/seeded-random"

const ALPHABETS = ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "#@!-_ .", "ăâđêôơưạếờ"]

function passwordCorpus(count: number, seed: number): string[] {
  const next = seededRandom(seed)
  const corpus: string[] = []
  for (let i = 0; i < count; i++) {
    const kinds = ALPHABETS.filter(() => next() < 0.5)
    const pool = (kinds.length ? kinds : [ALPHABETS[0]]).join("")
    const length = Math.floor(next() * 24) + 1
    corpus.push(Array.from({ length }, () => [...pool][Math.floor(next() * [...pool].length)]).join(""))
  }
  return corpus
}

/** The backend's problem, in the storefront's i18n key for the same problem. */
const SAME_PROBLEM: Record<backendPassword.PasswordProblem, string> = {
  too_short: "form.passwordShort",
  too_long: "form.passwordLong",
  common: "form.passwordCommon",
  one_kind: "form.passwordKinds",
  same_as_email: "form.passwordEmail",
}

describe("the password rule, storefront form vs API", () => {
  const seed = Number(process.env.RULE_SEED ?? 20261129)
  const corpus = [
    ...passwordCorpus(5000, seed),
    ...backendPassword.COMMON_PASSWORDS,
    "a".repeat(10),
    "Aa1#".repeat(33),
    "Mật khẩu rất dài",
    "Dung#MatKhau2026",
  ]

  it(`agrees on ${corpus.length} passwords (RULE_SEED=${seed})`, () => {
    const disagreements = corpus.filter((password) => {
      const api = backendPassword.passwordProblem(password)
      const form = storefrontForms.passwordProblem(password)
      // The form may let a leaked password through (the API then refuses it); never the reverse.
      if (api === "common" && form === null) return false
      return (api === null ? null : SAME_PROBLEM[api]) !== form
    })
    expect(disagreements).toEqual([])
  })

  it("knows no leaked password the API does not", () => {
    const unknown = [...storefrontForms.COMMON_PASSWORDS].filter((p) => !backendPassword.COMMON_PASSWORDS.has(p))
    expect(unknown).toEqual([])
  })

  it("has the same length limits", () => {
    expect(storefrontForms.PASSWORD_MIN_LENGTH).toBe(backendPassword.PASSWORD_MIN_LENGTH)
    expect(storefrontForms.PASSWORD_MAX_LENGTH).toBe(backendPassword.PASSWORD_MAX_LENGTH)
  })

  it("refuses the email as the password the way the API does", () => {
    for (const [password, email] of [
      ["an.nguyen@ocop.vn", "an.nguyen@ocop.vn"],
      ["an.nguyen1", "an.nguyen1@ocop.vn"],
      ["Khác#MatKhau2026", "an@ocop.vn"],
    ]) {
      const api = backendPassword.passwordProblem(password, email) === "same_as_email"
      expect(storefrontForms.passwordEmailProblem(password, email) !== null, `${password} / ${email}`).toBe(api)
    }
  })
})

describe("the listing gate's reasons, storefront text vs the gate", () => {
  const gateReasons = Object.keys(GATE_REASON_TEXT).sort()
  for (const [lang, messages] of Object.entries({ vi, en })) {
    it(`has a ${lang} text for exactly the reasons the gate gives`, () => {
      const texts = Object.keys(messages)
        .filter((key) => key.startsWith("reason."))
        .map((key) => key.slice("reason.".length))
        .sort()
      expect(texts).toEqual(gateReasons)
    })
  }
})

describe("Vietnamese mobile numbers, storefront form vs API", () => {
  it("both copies store the same E.164 number, or both refuse, for every case and a random corpus", async () => {
    const backend = await import("../../plugins/ocop/src/lib/phone")
    const storefront = await import("../../storefront/app/lib/phone")
    const { PHONE_CASES } = await import("../../plugins/ocop/src/lib/phone-cases")
    const next = seededRandom(Number(process.env.RULE_SEED ?? 20261129))
    const pieces = [
      "0",
      "84",
      "+84",
      "0084",
      "9",
      "3",
      "5",
      "7",
      "8",
      "1",
      "2",
      "12",
      "345",
      "678",
      " ",
      ".",
      "-",
      "(",
      ")",
    ]
    const corpus = Array.from({ length: 5000 }, () =>
      Array.from({ length: Math.floor(next() * 8) + 1 }, () => pieces[Math.floor(next() * pieces.length)]).join("")
    )
    let accepted = 0
    for (const typed of [...PHONE_CASES.map(([t]) => t), ...corpus]) {
      const stored = backend.normalizeVietnameseMobile(typed)
      expect(storefront.normalizeVietnameseMobile(typed), typed).toBe(stored)
      if (stored) accepted++
    }
    expect(accepted, "the corpus should contain accepted numbers too").toBeGreaterThan(10)
  })
})

describe("bilingual refusals, storefront split vs API", () => {
  it("splits every 'vi (EN: en)' text of the API the same way on both sides", async () => {
    const backend = await import("../../plugins/ocop/src/lib/refusal-language")
    const { conflictText } = await import("../../plugins/ocop/src/lib/conflicts")
    const storefront = await import("../../storefront/app/lib/backend/client.server")
    const texts = [
      conflictText.certificationDecided("submitted", "reinstate", ["suspended"]),
      conflictText.soldOut(),
      conflictText.busy(),
      '"Trà" không thể có mặt. (EN: "Tea" cannot be listed.)',
      "Cart with id: x was not found",
    ]
    for (const t of texts) expect(storefront.splitBilingual(t), t).toEqual(backend.splitBilingual(t))
  })
})
