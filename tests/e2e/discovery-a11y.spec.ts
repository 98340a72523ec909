import AxeBuilder from "@axe-core/playwright"
import { expect, test } from "@playwright/test"
import { listedInProvince } from "./discovery-support"

// Every shopper page, at a laptop's and a phone's width: axe may find no serious or critical violation.
// The product and producer pages are found through the store API (a listed Lâm Đồng product).
const WIDTHS = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "mobile", width: 390, height: 844 },
]
const PAGES = [
  "/",
  "/en",
  "/search?q=tra",
  "product",
  "/provinces/lam-dong",
  "/groups/thuc-pham",
  "producer",
  "/cart",
  "/checkout",
  "/verify?code=khong-co-ma-nay",
  "/khong-co-trang-nay",
]

test.describe("accessibility (axe) of the shopper pages", () => {
  for (const { name, width, height } of WIDTHS) {
    for (const shown of PAGES) {
      test(`${shown} (${name}, ${width} px): no serious or critical violation`, async ({ page, request }) => {
        test.setTimeout(90_000)
        await page.setViewportSize({ width, height })
        let path = shown
        if (shown === "product" || shown === "producer") {
          const [product] = await listedInProvince(request, "lam-dong", 1)
          path = `/products/${product.handle}`
          if (shown === "producer") {
            await page.goto(path)
            path = (await page.locator("a[href^='/producers/']").first().getAttribute("href"))!
          }
        }
        await page.goto(path)
        const { violations } = await new AxeBuilder({ page })
          // "experimental" brings in label-content-name-mismatch (the logo link's old fault)
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice", "experimental"])
          .analyze()
        const serious = violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(", ")}`
          )
        expect(serious, path).toEqual([])
      })
    }
  }
})
