import { describe, expect, it } from "vitest";
import { SUBMISSION_KEY_FIELD, submissionKeyOf } from "./submission-key";

const formWith = (value?: string) => {
  const form = new FormData();
  if (value !== undefined) form.set(SUBMISSION_KEY_FIELD, value);
  return form;
};

describe("submissionKeyOf", () => {
  it("passes on a key the backend accepts", () => {
    const key = "3f2b8c1e-5d4a-4b7e-9c0f-1a2b3c4d5e6f";
    expect(submissionKeyOf(formWith(key))).toBe(key);
  });

  it("sends no key when the form has none, an empty one (no JavaScript yet) or one the backend would refuse", () => {
    expect(submissionKeyOf(formWith())).toBeUndefined();
    expect(submissionKeyOf(formWith(""))).toBeUndefined();
    expect(submissionKeyOf(formWith("two words"))).toBeUndefined();
    expect(submissionKeyOf(formWith("khóa"))).toBeUndefined();
    expect(submissionKeyOf(formWith("k".repeat(256)))).toBeUndefined();
  });
});
