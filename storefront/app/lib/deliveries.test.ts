import { describe, expect, it } from "vitest";
import type { ShippingOptionView } from "./backend/views";
import type { ProducerGroup } from "./cart.server";
import { deliveriesFor } from "./deliveries";

const group = (key: string, subtotal: number): ProducerGroup => ({ key, name: key, handle: null, lines: [], subtotal });
const option = (id: string, producer_id: string | null, amount = 30000): ShippingOptionView => ({
  id,
  name: id,
  code: "standard",
  amount,
  producer_id,
});

describe("parcels at checkout (decision 007)", () => {
  it("gives each producer its own parcel with its own options", () => {
    const d = deliveriesFor(
      [group("pro_tea", 100000), group("pro_fish", 200000)],
      [option("so_tea", "pro_tea"), option("so_fish", "pro_fish"), option("so_platform", null)]
    );
    expect(d.map((p) => [p.key, p.subtotal, p.options.map((o) => o.id)])).toEqual([
      ["pro_tea", 100000, ["so_tea"]],
      ["pro_fish", 200000, ["so_fish"]],
    ]);
  });

  it("lists each parcel's options cheapest first", () => {
    const d = deliveriesFor(
      [group("pro_tea", 1)],
      [option("so_express", "pro_tea", 50000), option("so_std", "pro_tea")]
    );
    expect(d[0]?.options.map((o) => o.id)).toEqual(["so_std", "so_express"]);
  });

  it("puts products without options of their own into one parcel on the platform's options", () => {
    const d = deliveriesFor(
      [group("pro_a", 100000), group("_other", 50000), group("pro_b", 70000)],
      [option("so_a", "pro_a"), option("so_platform", null)]
    );
    expect(d.map((p) => [p.key, p.subtotal, p.options.map((o) => o.id)])).toEqual([
      ["pro_a", 100000, ["so_a"]],
      ["platform", 120000, ["so_platform"]],
    ]);
  });
});
