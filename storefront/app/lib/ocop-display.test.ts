import { describe, expect, it } from "vitest";
import { messages } from "./i18n";
import { entityTypeKey, shownStatus, statusKey, type ShownStatus } from "./ocop-display";

describe("shownStatus", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it("shows an approved certificate past its expiry date as expired", () => {
    expect(shownStatus({ status: "approved", expires_at: "2025-12-31T23:59:59Z" }, now)).toBe("expired");
  });
  it("keeps an approved certificate within its validity approved", () => {
    expect(shownStatus({ status: "approved", expires_at: "2027-03-01" }, now)).toBe("approved");
  });
  it("passes revoked and suspended through and maps anything else to unknown", () => {
    expect(shownStatus({ status: "revoked" }, now)).toBe("revoked");
    expect(shownStatus({ status: "suspended" }, now)).toBe("suspended");
    expect(shownStatus({ status: "weird" }, now)).toBe("unknown");
  });
  it("has a label in both languages for every status", () => {
    const all: ShownStatus[] = ["approved", "submitted", "rejected", "expired", "revoked", "suspended", "unknown"];
    for (const s of all) {
      expect(messages.vi[statusKey(s)]).toBeTruthy();
      expect(messages.en[statusKey(s)]).toBeTruthy();
    }
  });
});

describe("entityTypeKey", () => {
  it("names producer types in Vietnamese", () => {
    expect(messages.vi[entityTypeKey("cooperative")!]).toBe("Hợp tác xã");
    expect(messages.vi[entityTypeKey("household_business")!]).toBe("Hộ kinh doanh");
    expect(entityTypeKey("alien")).toBeNull();
  });
});
