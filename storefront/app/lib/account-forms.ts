/**
 * Form schemas of the shopper's account pages (sign-up, addresses, password reset), shared by each
 * action and its form. Messages are i18n keys ("form.*", "account.*").
 */
import { z } from "zod";
import { email, passwordEmailProblem, passwordProblem, phoneField, text as formText } from "./forms";

// A name: too short says so (not "required", as the checkout's default does).
const text = (min: number, max: number) => formText(min, max, "form.tooShort");

const newPassword = z.string({ required_error: "form.required" }).superRefine((password, ctx) => {
  const problem = password ? passwordProblem(password) : "form.required";
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const optionalPhone = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v : undefined))
  .pipe(phoneField.optional());

export const signUpSchema = z
  .object({ full_name: text(2, 100), email, phone: optionalPhone, password: newPassword })
  .superRefine((v, ctx) => {
    const problem = passwordEmailProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const resetRequestSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: z.string().min(1, "account.resetLinkInvalid"), email, password: newPassword })
  .superRefine((v, ctx) => {
    const problem = passwordEmailProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const addressSchema = z.object({
  full_name: text(2, 100),
  phone: phoneField,
  address: text(3, 200),
  ward: text(2, 100),
  province_code: z.string({ required_error: "form.province" }).regex(/^\d{2}$/, "form.province"),
});

/** Medusa stores phone numbers as typed; we keep them in E.164 like checkout does. */
export const toE164 = (phone: string) => phone.replace(/^0/, "+84");
