import { describe, expect, it } from "vitest";
import { currentMonth, monthFromQuery } from "./statement-month";

describe("statement months", () => {
  it("are read in Vietnam time", () => {
    expect(currentMonth(new Date("2026-11-30T16:59:59Z"))).toBe("2026-11");
    expect(currentMonth(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12");
  });
  it("fall back to the current month on a malformed query, and say so", () => {
    const now = new Date("2026-11-15T00:00:00Z");
    expect(monthFromQuery("2026-10", now)).toEqual({ month: "2026-10", invalid: false });
    expect(monthFromQuery(null, now)).toEqual({ month: "2026-11", invalid: false });
    expect(monthFromQuery("2026-13", now)).toEqual({ month: "2026-11", invalid: true });
    expect(monthFromQuery("=1+1", now)).toEqual({ month: "2026-11", invalid: true });
  });
});
