import { describe, expect, it } from "vitest";
import { parseForm, productCreateSchema } from "./forms";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("the product form's stock", () => {
  it("reads whole units, with Vietnamese thousands, and leaves an empty field out", () => {
    const parse = (stock: string) =>
      parseForm(productCreateSchema, form({ title: "Mật ong", price: "180.000", stock }));
    const twelve = parse("12");
    expect(twelve.ok && twelve.data.stock).toBe(12);
    const many = parse("1.200");
    expect(many.ok && many.data.stock).toBe(1200);
    const zero = parse("0");
    expect(zero.ok && zero.data.stock).toBe(0);
    const empty = parse("");
    expect(empty.ok && empty.data.stock).toBeUndefined();
  });

  it("refuses a negative, fractional or absurd figure with the stock message", () => {
    for (const stock of ["-1", "1,5", "ba", "2000000"]) {
      const r = parseForm(productCreateSchema, form({ title: "Mật ong", price: "180.000", stock }));
      expect(r.ok ? null : r.errors.stock, stock).toBe("ps.stockInvalid");
    }
  });
});
