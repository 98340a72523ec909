import type { Page } from "@playwright/test"

/**
 * The storefront hydrates after the page's `load` event and first frame (storefront/app/lib/
 * hydrate-after-load.tsx), so `page.goto` returns before it has. Until then a page works as
 * without JavaScript; a test of what JavaScript adds (a facet that applies itself, the header
 * count rising at once) opens the page with this and waits for <html data-hydrated>.
 */
export async function gotoHydrated(page: Page, path: string) {
  await page.goto(path)
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" })
}
