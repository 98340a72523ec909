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
