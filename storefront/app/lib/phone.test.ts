import { describe, expect, it } from "vitest";
// The backend's cases: both copies of the rule must agree on every one of them.
import { PHONE_CASES } from "../../../plugins/ocop/src/lib/phone-cases";
import { phoneField } from "./forms";
import { normalizeVietnameseMobile } from "./phone";

describe("Vietnamese mobile numbers (the backend's rule)", () => {
  it.each(PHONE_CASES)("%j is stored as %j", (typed, stored) => {
    expect(normalizeVietnameseMobile(typed)).toBe(stored);
  });

  it("the form field accepts what the rule accepts and says why it refuses the rest", () => {
    for (const [typed, stored] of PHONE_CASES) {
      const parsed = phoneField.safeParse(typed);
      if (stored) expect(parsed.success && parsed.data, typed).toBe(stored);
      else expect(parsed.success ? "" : parsed.error.issues[0]?.message, typed).toMatch(/^form\.(phone|required)$/);
    }
  });
});
