import { expect, test } from "@playwright/test"
import { addToCart, watchConsole } from "./support"

/**
 * A delivery option the shop withdraws while the checkout page is open: the backend refuses it
 * (code delivery_option_unavailable) and the page says so in the shopper's words, where a phone
 * shows it — the refusal takes the focus, since the order button is far below it.
 *
 * The withdrawal is made in the page (the chosen option's value becomes an id the shop does not
 * offer), so no seeded option is deleted under the other specs running beside this one.
 */

const TEA = "/products/hong-tra-phin-ho"
const WITHDRAWN = "so_01WITHDRAWNBYTHESHOP000000"

const FORM = {
  vi: {
    path: "/checkout",
    name: "Họ và tên",
    phone: "Số điện thoại di động",
    street: "Số nhà, tên đường / thôn, ấp",
    ward: "Phường/Xã/Đặc khu",
    province: "Tỉnh/Thành phố",
    said: "cách giao hàng bạn chọn không còn áp dụng cho đơn này",
  },
  en: {
    path: "/en/checkout",
    name: "Full name",
    phone: "Mobile phone",
    street: "House number and street / hamlet",
    ward: "Ward / commune",
    province: "Province / city",
    said: "the delivery option you chose no longer applies to this order",
  },
} as const

test.describe("a delivery option withdrawn while the checkout page is open", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  for (const lang of ["vi", "en"] as const) {
    test(`${lang}: the refusal says to choose delivery again, takes the focus and is on screen; no order`, async ({
      page,
    }) => {
      test.setTimeout(90_000)
      const f = FORM[lang]
      const errors = watchConsole(page)
      await addToCart(page, TEA)
      await page.goto(f.path)
      await page.waitForSelector("html[data-hydrated]")
      await page.getByLabel(f.name).fill("Trần Thị Mai")
      await page.getByLabel(f.phone).fill("0912345678")
      await page.getByLabel(f.street).fill("12 Hùng Vương")
      await page.getByLabel(f.ward).fill("Phường Xuân Hương")
      await page.getByLabel(f.province).selectOption({ label: "Lâm Đồng" })
      const chosen = page.getByTestId("delivery").locator("input[type=radio]:checked")
      await expect(chosen).toHaveCount(1)
      await chosen.evaluate((input, id) => {
        ;(input as HTMLInputElement).value = id
      }, WITHDRAWN)

      await page.getByTestId("place-order").click()
      const alert = page.getByTestId("form-error")
      await expect(alert).toContainText(f.said)
      await expect(alert).not.toContainText(WITHDRAWN) // the id is for API clients, not shoppers
      await expect(alert).toBeFocused()
      await expect(alert).toBeInViewport()
      await expect(page).toHaveURL(new RegExp(`${f.path}$`))
      // What was typed is still there, to choose delivery again and place the order.
      await expect(page.getByLabel(f.name)).toHaveValue("Trần Thị Mai")
      expect(errors).toEqual([])
    })
  }
})
