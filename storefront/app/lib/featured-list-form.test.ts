import { describe, expect, it } from "vitest";
import { featuredListState, orderedPicks, parseFeaturedListForm } from "./featured-list-form";

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("featured list form", () => {
  it("orders picked products by the numbers typed, unnumbered last", () => {
    const f = form([
      ["pick", "a"],
      ["pick", "b"],
      ["pick", "c"],
      ["position_a", ""],
      ["position_b", "2"],
      ["position_c", "1"],
      ["position_d", "1"],
    ]);
    expect(orderedPicks(f)).toEqual(["c", "b", "a"]);
  });

  it("names each wrong field and keeps the input", () => {
    const r = parseFeaturedListForm(
      form([
        ["title_vi", "x"],
        ["placement", "home"],
        ["starts_at", "2026-12-10"],
        ["ends_at", "2026-12-01"],
      ])
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      title_vi: "form.tooShort",
      placement: "form.choose",
      ends_at: "tc.endsAfter",
      product_ids: "tc.pickOne",
    });
    expect(r.values.starts_at).toBe("2026-12-10");
  });

  it("turns a good form into the API body", () => {
    const r = parseFeaturedListForm(
      form([
        ["title_vi", "Tết 2027"],
        ["placement", "campaign"],
        ["starts_at", "2027-01-20"],
        ["ends_at", "2027-02-10"],
        ["pick", "p1"],
      ])
    );
    expect(r).toEqual({
      ok: true,
      data: {
        title_vi: "Tết 2027",
        title_en: null,
        placement: "campaign",
        product_ids: ["p1"],
        starts_at: "2027-01-20",
        ends_at: "2027-02-10",
      },
    });
  });

  it("tells a running list from a scheduled and an ended one", () => {
    const now = new Date("2026-11-29T00:00:00Z");
    expect(featuredListState({}, now)).toBe("active");
    expect(featuredListState({ starts_at: "2026-12-01T00:00:00Z" }, now)).toBe("scheduled");
    expect(featuredListState({ ends_at: "2026-11-01T00:00:00Z" }, now)).toBe("ended");
  });
});
