import { describe, expect, it } from "vitest";
import { correctedQuery } from "../search-state";
import { searchBodySchema } from "./search-schema";

describe("the search route's answer as the storefront reads it", () => {
  const body = { hits: [], total: 0, facets: { price: null }, query: { q: "nuoc mamm" }, took_ms: 3 };
  it("accepts corrections as the backend sends them: folded word → close words", () => {
    const parsed = searchBodySchema.parse({ ...body, corrected_terms: { mamm: ["mam", "mami"] } });
    expect(parsed.corrected_terms).toEqual({ mamm: ["mam", "mami"] });
  });
  it("reads a single corrected word as a one-word list, and no corrections at all", () => {
    expect(searchBodySchema.parse({ ...body, corrected_terms: { mamm: "mam" } }).corrected_terms).toEqual({
      mamm: ["mam"],
    });
    expect(searchBodySchema.parse(body).corrected_terms).toBeUndefined();
  });
  it("turns corrections into the query to suggest, keyed by folded words", () => {
    expect(correctedQuery("Nước mamm", { mamm: ["mam"] })).toBe("Nước mam");
    expect(correctedQuery("ca phee", { phee: ["phe", "pha"] })).toBe("ca phe");
    expect(correctedQuery("nuoc mam", {})).toBeNull();
    expect(correctedQuery("nuoc mam", { xyz: ["x"] })).toBeNull();
  });
});
