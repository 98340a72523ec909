import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { requestedWidth, resizedPhoto } from "./photo-resize.server";

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 163, g: 50, b: 31 } } })
    .jpeg()
    .toBuffer();

describe("uploaded photos resized for the page", () => {
  it("accepts only the widths pages ask for", () => {
    expect(requestedWidth(null)).toBeNull();
    expect(requestedWidth("640")).toBe(640);
    expect(requestedWidth("641")).toBe("invalid");
    expect(requestedWidth("")).toBe("invalid");
    expect(requestedWidth("1e9")).toBe("invalid");
  });

  it("gives a large photo in the asked width as WebP, keeping its proportions", async () => {
    const out = await sharp(await resizedPhoto("big.jpg", 640, () => photo(2000, 1500))).metadata();
    expect([out.format, out.width, out.height]).toEqual(["webp", 640, 480]);
  });

  it("never enlarges a small photo", async () => {
    const out = await sharp(await resizedPhoto("small.jpg", 1280, () => photo(300, 300))).metadata();
    expect(out.width).toBe(300);
  });

  it("resizes a key once: the next request is served from memory", async () => {
    let reads = 0;
    const original = () => {
      reads += 1;
      return photo(1000, 1000);
    };
    const first = await resizedPhoto("once.jpg", 320, original);
    const second = await resizedPhoto("once.jpg", 320, original);
    expect(reads).toBe(1);
    expect(second.equals(first)).toBe(true);
  });

  it("resizes a key once for parallel requests too", async () => {
    let reads = 0;
    const original = () => {
      reads += 1;
      return photo(1000, 1000);
    };
    const answers = await Promise.all([1, 2, 3].map(() => resizedPhoto("parallel.jpg", 320, original)));
    expect(reads).toBe(1);
    expect(answers.every((a) => a.equals(answers[0]))).toBe(true);
  });

  it("refuses a file that is not a photo, and tries again on the next request", async () => {
    let reads = 0;
    const notAPhoto = async () => {
      reads += 1;
      return Buffer.from("not an image");
    };
    await expect(resizedPhoto("bad.jpg", 320, notAPhoto)).rejects.toThrow();
    await expect(resizedPhoto("bad.jpg", 320, notAPhoto)).rejects.toThrow();
    expect(reads).toBe(2);
  });
});
