import { describe, expect, it } from "vitest";
import { formatVnd } from "./money";

describe("formatVnd", () => {
  it("groups thousands with dots and ends with a no-break space and ₫", () => {
    expect(formatVnd(120000)).toBe("120.000\u00A0₫");
  });

  it("keeps VND amounts as whole numbers (no ×100, no decimals)", () => {
    expect(formatVnd(1234567)).toBe("1.234.567\u00A0₫");
    expect(formatVnd(0)).toBe("0\u00A0₫");
    expect(formatVnd(95000.4)).toBe("95.000\u00A0₫");
  });

  it("refuses amounts that are not numbers", () => {
    expect(() => formatVnd(Number.NaN)).toThrow(RangeError);
  });
});
