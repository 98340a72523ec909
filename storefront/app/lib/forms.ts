/**
 * Form schemas shared by each action (server) and its form (client), Epic
 * Stack style. Error messages are i18n keys (see "form.*" in i18n/vi.ts), so one
 * schema serves both languages; `FieldErrors` maps a field to a key or, for
 * errors that come back from the backend, to its message text.
 */
import { z } from "zod";
import { normalizeVietnameseMobile } from "./phone";

export type FieldErrors = Record<string, string>;

/**
 * What a form re-shown after a refused submit gives each field: its name, the value the user typed
 * and the error for it (`<TextField {...field("title")} label=… />`).
 */
export function submittedField(values: Partial<Record<string, string>>, errors: Partial<Record<string, string>>) {
  return (name: string) => ({ name, defaultValue: values[name], error: errors[name] });
}

/** Name of the hidden field that carries the login forms' CSRF token (see csrf.server.ts). */
export const CSRF_FIELD = "csrf";

export { VN_MOBILE } from "./phone";

/** A required text of `min` to `max` characters (trimmed); too short says `tooShort`. */
export const text = (min: number, max: number, tooShort = "form.required") =>
  z
    .string({ required_error: "form.required", invalid_type_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .min(min, tooShort)
    .max(max, "form.tooLong");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "form.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

/** A required text that `parse` reads as a value; what it cannot read (null) is refused with `message`. */
function parsedText<T>(parse: (text: string) => T | null, message: string) {
  return z
    .string({ required_error: "form.required" })
    .trim()
    .min(1, "form.required")
    .transform((value, ctx) => {
      const parsed = parse(value);
      if (parsed === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return parsed;
    });
}

/** A Vietnamese mobile number as people write it, as E.164 ("+84912345678"): see phone.ts. */
export const phoneField = parsedText(normalizeVietnameseMobile, "form.phone");

export const email = z.string({ required_error: "form.required" }).trim().min(1, "form.required").email("form.email");
const provinceCode = z.string({ required_error: "form.province" }).regex(/^\d{2}$/, "form.province");

/**
 * A VND price typed by a person: whole đồng only. "120000", "120.000",
 * "120 000" and "120.000 ₫" all mean 120 000; "12,5" or "120.5" are refused
 * (VND has no decimals, and "." groups thousands in Vietnamese).
 */
export function parseVndInput(raw: string): number | null {
  const s = raw.replace(/[\s\u00A0]/g, "").replace(/(₫|đ|vnđ|vnd)$/i, "");
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ""));
  return null;
}

export const vndPrice = parsedText((v) => {
  const n = parseVndInput(v);
  return n !== null && Number.isSafeInteger(n) ? n : null;
}, "form.price").pipe(z.number().int("form.price").min(1000, "form.priceMin").max(1_000_000_000, "form.priceMax"));

export const PAYMENT_PROVIDERS = [
  "pp_system_default",
  "pp_vietqr_vietqr",
  "pp_vnpay_vnpay",
  "pp_stripe_stripe",
] as const;

export const checkoutSchema = z.object({
  full_name: text(2, 100, "form.tooShort"),
  phone: phoneField,
  // Cash on delivery needs only the phone; a card payment needs an email for its receipt (checked by the action).
  email: z.string().trim().max(254, "form.tooLong").email("form.email").optional().or(z.literal("")),
  address: text(3, 200, "form.tooShort"),
  ward: text(2, 100, "form.tooShort"),
  province_code: provinceCode,
  payment_provider: z.enum(PAYMENT_PROVIDERS, { errorMap: () => ({ message: "form.choose" }) }),
});
export type CheckoutInput = z.infer<typeof checkoutSchema>;

export const loginSchema = z.object({
  email,
  password: z.string({ required_error: "form.required" }).min(1, "form.required"),
});

/**
 * The backend's password policy (plugins/ocop/src/lib/password-policy.ts), checked here too so that
 * the form says what is wrong in the page's language before anything is sent: 10 to 128
 * characters, at least two kinds of character, not a well-known password, not the email.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** The most used leaked passwords that pass the length and mix rules (the backend's list is longer). */
export const COMMON_PASSWORDS = new Set([
  "password12",
  "password123",
  "qwertyuiop",
  "qwerty1234",
  "1q2w3e4r5t",
  "abcd123456",
  "a123456789",
  "123456789a",
  "iloveyou12",
  "admin12345",
  "matkhau123",
  "matkhau@123",
  "anhyeuem123",
  "vietnam123",
]);

const characterKinds = (password: string) =>
  [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((kind) => kind.test(password)).length;

/** The i18n key of a password's first problem (email aside: see `passwordEmailProblem`), or null. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "form.passwordShort";
  if (length > PASSWORD_MAX_LENGTH) return "form.passwordLong";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/u.test(lower)) return "form.passwordCommon";
  if (characterKinds(password) < 2) return "form.passwordKinds";
  return null;
}

/** "form.passwordEmail" when the password is the email or the part before its @ (as the backend refuses). */
export function passwordEmailProblem(password: string, email: string): string | null {
  const lower = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  return address && (lower === address || lower === address.split("@")[0]) ? "form.passwordEmail" : null;
}

const newPassword = z.string({ required_error: "form.required" }).superRefine((password, ctx) => {
  const problem = password ? passwordProblem(password) : "form.required";
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const ENTITY_TYPES = ["cooperative", "enterprise", "cooperative_group", "household"] as const;

export const producerSignupSchema = z
  .object({
    email,
    password: newPassword,
    name: text(2, 200, "form.tooShort"),
    entity_type: z.enum(ENTITY_TYPES, { errorMap: () => ({ message: "form.choose" }) }),
    province_code: provinceCode,
    phone: phoneField,
    ward: optionalText(100),
    address: optionalText(200),
    story: optionalText(5000),
  })
  .superRefine((v, ctx) => {
    // Runs once every field is valid (zod skips object refinements otherwise).
    const problem = passwordEmailProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

/**
 * An optional whole number typed with or without thousands dots ("1.200"), from `min` to `max`;
 * empty means not given; out of range or unreadable says `message`.
 */
function optionalWholeNumber({
  min,
  max,
  message,
  unit,
}: {
  min: number;
  max: number;
  message: string;
  unit?: RegExp;
}) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const n = parseVndInput(unit ? v.replace(unit, "") : v);
      if (n === null || n < min || n > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });
}

/** Grams, typed as "500" or "1.000" (a trailing "g" allowed); empty means not given. */
const optionalGrams = optionalWholeNumber({ min: 1, max: 1_000_000, message: "form.weight", unit: /g$/i });

/** Units in stock, typed as "12" or "1.200"; empty means not given (unchanged, or not tracked). */
const optionalUnits = optionalWholeNumber({ min: 0, max: 1_000_000, message: "ps.stockInvalid" });

/** The fields a producer edits on a product, on creation and later alike. */
const productDetails = {
  title: text(2, 200, "form.tooShort"),
  title_en: optionalText(200),
  description: optionalText(5000),
  description_en: optionalText(5000),
  unit: optionalText(50),
  weight: optionalGrams,
  stock: optionalUnits,
  group_slug: optionalText(80),
  subgroup_slug: optionalText(80),
  price: vndPrice,
};

export const productCreateSchema = z.object(productDetails);

export const productUpdateSchema = z.object({
  ...productDetails,
  status: z.enum(["draft", "published"], { errorMap: () => ({ message: "form.choose" }) }),
});

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "form.date")
      .optional()
  );

/**
 * A producer's certificate submission. No province (the producer's own decides), no validity (the
 * decision sets it) and no authority (the backend records it from the stars and the province).
 */
export const certificationSchema = z.object({
  product_id: z.string({ required_error: "form.choose" }).min(1, "form.choose"),
  stars: z.coerce
    .number({ invalid_type_error: "form.stars" })
    .int("form.stars")
    .min(3, "form.stars")
    .max(5, "form.stars"),
  score: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v.replace(",", ".")) : undefined))
    .pipe(z.number({ invalid_type_error: "form.score" }).min(0, "form.score").max(100, "form.score").optional()),
  group_slug: z.string({ required_error: "form.choose" }).min(1, "form.choose"),
  certificate_number: text(1, 100),
  decision_number: optionalText(100),
  decision_date: optionalDate,
  traceability_code: optionalText(120),
  traceability_url: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.string().url("form.url").optional()),
});

export const CERTIFICATION_ACTIONS = ["approve", "reject", "suspend", "reinstate", "revoke"] as const;
export type CertificationAction = (typeof CERTIFICATION_ACTIONS)[number];
export const REASON_REQUIRED: readonly CertificationAction[] = ["reject", "suspend", "revoke"];

export const decisionSchema = z
  .object({
    certification_id: z.string().min(1, "form.required"),
    action: z.enum(CERTIFICATION_ACTIONS, { errorMap: () => ({ message: "form.choose" }) }),
    reason: z.string().trim().max(2000, "form.tooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (REASON_REQUIRED.includes(v.action) && v.reason.length < 3) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "form.reasonRequired" });
    }
  });

export const profileSchema = z.object({
  name: text(2, 200, "form.tooShort"),
  phone: phoneField,
  ward: z.string().trim().max(100, "form.tooLong").optional().default(""),
  address: z.string().trim().max(200, "form.tooLong").optional().default(""),
  story: z.string().trim().max(5000, "form.tooLong").optional().default(""),
});

const SECRET_FIELDS = new Set(["password", CSRF_FIELD]);

/** Form values to send back on error (so nothing typed is lost), without passwords. */
export function keptValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.has(key)) out[key] = value;
  }
  return out;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Validate a submitted form: the data, or one error per field plus the values to show again. */
export function parseForm<S extends z.ZodTypeAny>(schema: S, formData: FormData): Parsed<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: issuesToErrors(parsed.error), values: keptValues(formData) };
}

export function issuesToErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!errors[key]) errors[key] = issue.message;
  }
  return errors;
}
