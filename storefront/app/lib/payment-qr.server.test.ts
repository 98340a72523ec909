import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { COD, offeredPayments, STRIPE, VIETQR, VNPAY } from "./payment-methods";
import { vietQrPngDataUrl } from "./payment-qr.server";

// A dynamic VietQR payload as the backend makes it (vietnam-qr-pay): Vietcombank (BIN 970436), account
// 0011001234567, 350.000 ₫, reference OCOP7K3M9Q2X, ending in its CRC-16 (tag 63).
const PAYLOAD =
  "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA" +
  "530370454063500005802VN62160812OCOP7K3M9Q2X63040CDF";

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo's merchant-presented QR specifies. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

describe("VietQR image", () => {
  it("the payload's CRC is right (computed here independently)", () => {
    expect(crc16(PAYLOAD.slice(0, -4))).toBe(PAYLOAD.slice(-4));
  });

  it("the PNG scans back to the exact payload, CRC included", async () => {
    const url = await vietQrPngDataUrl(PAYLOAD);
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    const png = PNG.sync.read(Buffer.from(url.slice("data:image/png;base64,".length), "base64"));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(PAYLOAD);
    expect(crc16(decoded!.data.slice(0, -4))).toBe(decoded!.data.slice(-4));
    // Amount (tag 54) and reference (tag 62, sub-tag 08) as the bank app reads them.
    expect(decoded!.data).toContain("5406350000");
    expect(decoded!.data).toContain("0812OCOP7K3M9Q2X");
  });
});

describe("payment methods at checkout", () => {
  it("offers cash on delivery always and the others only when the region has them, in a fixed order", () => {
    expect(offeredPayments([])).toEqual([COD]);
    expect(offeredPayments([STRIPE, VNPAY, "pp_other", VIETQR, COD])).toEqual([COD, VIETQR, VNPAY, STRIPE]);
  });
});
