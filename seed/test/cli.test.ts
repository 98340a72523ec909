import { describe, expect, it } from "vitest"
// @ts-expect-error — plain ESM script without types
import { parseSeedArgs } from "../bin/seed.mjs"

describe("npm run seed arguments", () => {
  it("reads --products, --seed and flags", () => {
    expect(parseSeedArgs(["--products", "100000", "--seed", "s1", "--no-images", "--quiet"])).toMatchObject({
      products: 100000,
      seed: "s1",
      noImages: true,
      quiet: true,
    })
    expect(parseSeedArgs(["--products=10k"]).products).toBe(10000)
    expect(parseSeedArgs([])).toMatchObject({ products: undefined, noDemo: false })
  })
  it("refuses bad input with one clear sentence", () => {
    expect(() => parseSeedArgs(["--products", "50"])).toThrow(
      '--products must be a whole number from 100 to 200000, not "50".'
    )
    expect(() => parseSeedArgs(["--products", "abc"])).toThrow(/whole number/)
    expect(() => parseSeedArgs(["--products", "300000"])).toThrow(/100 to 200000/)
    expect(() => parseSeedArgs(["--products"])).toThrow("--products needs a value.")
    expect(() => parseSeedArgs(["--frobnicate"])).toThrow('Unknown option "--frobnicate" (try --help).')
  })
})
