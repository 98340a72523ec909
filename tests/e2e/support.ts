import { crc32, deflateSync } from "node:zlib"
import type { Page } from "@playwright/test"

/** A VND price as shown to shoppers: "120.000 ₫" with a non-breaking space. */
export const VND = /\d{1,3}(\.\d{3})*\u00A0₫/

/**
 * Collect script errors (hydration, exceptions). Failed resource loads are left out: product
 * images are served by the backend and say nothing about the storefront; the favicon has its own test.
 */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text())
  })
  page.on("pageerror", (err) => errors.push(err.message))
  return errors
}

/** A real 8×8 PNG of one colour (each photo distinct; the server decodes and re-encodes it). */
export function PNG(shade: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4)
    head.writeUInt32BE(body.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])))
    return Buffer.concat([head, Buffer.from(type), body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(8, 0)
  header.writeUInt32BE(8, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(8 * 3, shade)])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)))),
    chunk("IEND", Buffer.alloc(0)),
  ])
}
