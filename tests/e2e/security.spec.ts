import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test"

/**
 * The storefront closed to open redirects, cross-site writes and login CSRF, with its security
 * headers (issue 10, item 7). Runs against the production server (storefront/server.mjs) that
 * `npm test` starts; the HTTP checks use Playwright's request API, the rest a real Chromium.
 */

const PRODUCER = {
  email: "htx@ocop.vn",
  password: "OcopHTX#2026",
  login: "/producer/login",
  home: "/producer",
}
const CURATOR = {
  email: "xttm.lamdong@ocop.vn",
  password: "OcopXTTM#2026",
  login: "/trade-center/login",
  home: "/trade-center/certifications",
}
const CROSS_SITE = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }
const REFUSAL = /Yêu cầu bị từ chối[\s\S]*Request refused/

/** Bypasses of naive redirect checks, as a browser or an attacker's link would send them. */
const REDIRECT_BYPASSES = [
  "/\t/evil.example", // the review's finding: redirectTo=/%09/evil.example → Location: /\t/evil.example
  "/\n/evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "/%5C%5Cevil.example",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "javascript:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "https://evil.example/",
  "http:evil.example",
  "//localhost@evil.example",
  "/／evil.example",
  "/%EF%BC%8F%EF%BC%8Fevil.example",
]

function locationOf(res: APIResponse): string {
  expect([301, 302, 303, 307, 308], `status of a redirect, got ${res.status()}`).toContain(res.status())
  return res.headers()["location"] ?? ""
}

/** Where a browser on `base` would land: must be this storefront, never a path starting with //. */
function expectSameSite(location: string, base: string) {
  const target = new URL(location, base)
  expect(target.origin, location).toBe(new URL(base).origin)
  expect(target.pathname.startsWith("//"), location).toBe(false)
}

async function csrfTokenOf(request: APIRequestContext, page: string): Promise<string> {
  const html = await (await request.get(page)).text()
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1]
  expect(token, `CSRF field on ${page}`).toBeTruthy()
  return token!
}

test.describe("open redirects", () => {
  test("the language switch never sends anyone off the site", async ({ request, baseURL }) => {
    for (const redirectTo of REDIRECT_BYPASSES) {
      const res = await request.post("/lang", { form: { lang: "en", redirectTo }, maxRedirects: 0 })
      const location = locationOf(res)
      expect(location, JSON.stringify(redirectTo)).toBe("/")
      expectSameSite(location, baseURL!)
    }
    // the honest case still returns to the page the shopper was on
    const back = await request.post("/lang", {
      form: { lang: "vi", redirectTo: "/search?q=tr%C3%A0&page=2" },
      maxRedirects: 0,
    })
    expect(locationOf(back)).toBe("/search?q=tr%C3%A0&page=2")
  })

  test("a portal login never sends anyone off the site", async ({ playwright, baseURL }) => {
    // Few enough logins per account to stay clear of any login rate limit.
    const cases = [
      [PRODUCER, "/\t/evil.example"],
      [CURATOR, "//evil.example"],
      [PRODUCER, "/\\evil.example"],
      [CURATOR, "/%2F%2Fevil.example"],
      [PRODUCER, "https://evil.example/"],
      [CURATOR, "javascript:alert(1)"],
    ] as const
    for (const [actor, redirectTo] of cases) {
      const request = await playwright.request.newContext({ baseURL })
      const csrf = await csrfTokenOf(request, actor.login)
      const res = await request.post(`${actor.login}?redirectTo=${encodeURIComponent(redirectTo)}`, {
        form: { email: actor.email, password: actor.password, csrf },
        maxRedirects: 0,
      })
      const location = locationOf(res)
      expect(location, JSON.stringify(redirectTo)).toBe(actor.home)
      expectSameSite(location, baseURL!)
      await request.dispose()
    }
  })

  test("in the browser, the review's link lands on the portal, not on evil.example", async ({ page, baseURL }) => {
    await page.goto(`/producer/login?redirectTo=${encodeURIComponent("/\t/evil.example")}`)
    await page.getByLabel("Email").fill(PRODUCER.email)
    await page.getByLabel("Mật khẩu").fill(PRODUCER.password)
    await page.getByRole("button", { name: "Đăng nhập" }).click()
    await expect(page).toHaveURL(`${baseURL}${PRODUCER.home}`)
  })

  test("an honest redirectTo is kept after login", async ({ page, baseURL }) => {
    await page.goto("/producer/orders")
    await expect(page).toHaveURL(/\/producer\/login\?redirectTo=%2Fproducer%2Forders/)
    await page.getByLabel("Email").fill(PRODUCER.email)
    await page.getByLabel("Mật khẩu").fill(PRODUCER.password)
    await page.getByRole("button", { name: "Đăng nhập" }).click()
    await expect(page).toHaveURL(`${baseURL}/producer/orders`)
  })
})

test.describe("cross-site writes", () => {
  const targets = [
    ["a page's form action", "/producer/login"],
    ["a ?_data= action", "/producer/login?_data=routes%2Fproducer.login"],
    ["a single-fetch .data action", "/producer/login.data"],
    ["a resource route", "/lang"],
    ["a resource route through ?_data=", "/lang?_data=routes%2Flang"],
    ["the sign-up action", "/producer/signup"],
    ["the cart", "/cart"],
  ] as const

  for (const [what, path] of targets) {
    test(`refused on ${what} (${path})`, async ({ request }) => {
      const form = { email: PRODUCER.email, password: PRODUCER.password, lang: "en", redirectTo: "/" }
      const variants: Record<string, string>[] = [
        CROSS_SITE,
        { Origin: "https://evil.example" },
        { "Sec-Fetch-Site": "same-site" },
        { Origin: "null" },
      ]
      for (const headers of variants) {
        const res = await request.post(path, { form, headers, maxRedirects: 0 })
        expect(res.status(), JSON.stringify(headers)).toBe(403)
        expect(await res.text()).toMatch(REFUSAL)
        expect(res.headers()["set-cookie"], "nothing was set").toBeUndefined()
      }
    })
  }

  test("the same write from this site goes through", async ({ request, baseURL }) => {
    const res = await request.post("/lang", {
      form: { lang: "en", redirectTo: "/verify" },
      headers: { Origin: new URL(baseURL!).origin, "Sec-Fetch-Site": "same-origin" },
      maxRedirects: 0,
    })
    expect(locationOf(res)).toBe("/verify")
    expect(res.headers()["set-cookie"]).toMatch(/^lang=/)
  })

  test("a form on another site posting a login in the victim's browser is refused", async ({ page, baseURL }) => {
    // The attacker's page, served as http://evil.example by Playwright; the POST itself goes to the real storefront.
    await page.route("http://evil.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" action="${baseURL}${PRODUCER.login}">
                 <input name="email" value="attacker@evil.example"><input name="password" value="x">
                 <button>go</button></form>`,
      })
    )
    await page.goto("http://evil.example/login-csrf")
    const [response] = await Promise.all([
      page.waitForResponse(`${baseURL}${PRODUCER.login}`),
      page.getByRole("button").click(),
    ])
    expect(response.status()).toBe(403)
    await expect(page.locator("body")).toContainText("Request refused")
  })
})

test.describe("login CSRF token", () => {
  for (const actor of [PRODUCER, CURATOR]) {
    test(`a login to ${actor.login} without this session's token fails with a form error, and nobody is logged in`, async ({
      request,
    }) => {
      // Same-origin headers: this is about the token, not the origin check.
      const base = { maxRedirects: 0, headers: { "Sec-Fetch-Site": "same-origin" } }
      const missing = await request.post(actor.login, {
        ...base,
        form: { email: actor.email, password: actor.password },
      })
      expect(missing.status()).toBe(403)
      expect(await missing.text()).toContain("Biểu mẫu đã hết hạn hoặc không được gửi từ trang này")
      const wrong = await request.post(actor.login, {
        ...base,
        form: { email: actor.email, password: actor.password, csrf: "forged-token" },
      })
      expect(wrong.status()).toBe(403)
      const home = await request.get(actor.home, { maxRedirects: 0 })
      // The portal's own landing page sends to a plain login; any other page asks to come back to it.
      expect(locationOf(home)).toMatch(new RegExp(`^${actor.login}(\\?redirectTo=|$)`))
    })
  }

  test("the sign-up form needs the token too, and the error is in English for English readers", async ({ request }) => {
    await request.post("/lang", { form: { lang: "en", redirectTo: "/" }, maxRedirects: 0 })
    const res = await request.post("/producer/signup", {
      form: {
        email: "csrf-probe@example.vn",
        password: "MatKhau#2026",
        name: "HTX thử",
        entity_type: "cooperative",
        province_code: "68",
        phone: "0912345678",
      },
      headers: { "Sec-Fetch-Site": "same-origin" },
      maxRedirects: 0,
    })
    expect(res.status()).toBe(403)
    expect(await res.text()).toContain("This form has expired or was not sent from this page")
  })

  test("the login form carries the token and logging in rotates it", async ({ page }) => {
    await page.goto(PRODUCER.login)
    const before = await page.locator('input[name="csrf"]').inputValue()
    expect(before).toMatch(/^[A-Za-z0-9_-]{43}$/)
    await page.getByLabel("Email").fill(PRODUCER.email)
    await page.getByLabel("Mật khẩu").fill(PRODUCER.password)
    await page.getByRole("button", { name: "Đăng nhập" }).click()
    await expect(page).toHaveURL(/\/producer$/)
    await page.goto("/producer/signup")
    expect(await page.locator('input[name="csrf"]').inputValue()).not.toBe(before)
  })
})

test.describe("security headers and cookies", () => {
  test("every kind of response carries the headers, and none says X-Powered-By", async ({ request }) => {
    const responses = {
      page: await request.get("/"),
      "data request": await request.get("/_root.data"),
      "resource route": await request.get("/api/suggest?q=tra"),
      "static file": await request.get("/favicon.svg"),
      "refused write": await request.post("/lang", { headers: CROSS_SITE, form: { lang: "en" } }),
      "not found": await request.get("/khong-co-trang-nay"),
    }
    for (const [kind, res] of Object.entries(responses)) {
      const h = res.headers()
      expect(h["content-security-policy"], kind).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/)
      expect(h["content-security-policy"], kind).toContain("frame-ancestors 'none'")
      expect(h["content-security-policy"], kind).not.toContain("unsafe-inline")
      expect(h["x-content-type-options"], kind).toBe("nosniff")
      expect(h["referrer-policy"], kind).toBe("strict-origin-when-cross-origin")
      expect(h["x-frame-options"], kind).toBe("DENY")
      expect(h["strict-transport-security"], `${kind} (the e2e storefront runs in production mode)`).toMatch(
        /max-age=\d{6,}/
      )
      expect(h["x-powered-by"], kind).toBeUndefined()
    }
  })

  test("the page's inline scripts carry this response's nonce, and a new response has a new one", async ({
    request,
  }) => {
    const first = await request.get("/")
    const nonce = /'nonce-([^']+)'/.exec(first.headers()["content-security-policy"])![1]
    const html = await first.text()
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1])
    expect(inline.length).toBeGreaterThan(0)
    for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`)
    const second = await request.get("/")
    expect(second.headers()["content-security-policy"]).not.toContain(nonce)
  })

  test("cookies are Secure, HttpOnly and SameSite=Lax in production", async ({ request }) => {
    const login = await request.get(PRODUCER.login)
    const lang = await request.post("/lang", { form: { lang: "en", redirectTo: "/" }, maxRedirects: 0 })
    for (const header of [login.headers()["set-cookie"], lang.headers()["set-cookie"]]) {
      expect(header).toBeTruthy()
      expect(header).toMatch(/; Secure/i)
      expect(header).toMatch(/; HttpOnly/i)
      expect(header).toMatch(/; SameSite=Lax/i)
    }
  })

  test("pages render and hydrate under the CSP without a single violation", async ({ page }) => {
    const violations: string[] = []
    const errors: string[] = []
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        ;(window as unknown as { __csp: string[] }).__csp ??= []
        ;(window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
      })
    })
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text())) errors.push(msg.text())
    })
    page.on("pageerror", (err) => errors.push(err.message))
    for (const path of [
      "/",
      "/products/nuoc-mam-phu-quoc-khai-hoan-40-do-dam",
      "/search?q=tra",
      "/verify",
      "/cart",
      PRODUCER.login,
      CURATOR.login,
      "/producer/signup",
    ]) {
      await page.goto(path)
      await page.waitForLoadState("networkidle")
      violations.push(
        ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map(
          (v) => `${path}: ${v}`
        )
      )
    }
    // Hydrated (client navigation works) and the product images (the seed's artwork, served through
    // this site since issue 14) loaded.
    await page.goto("/")
    const image = page.locator("main img[src*='/static/ocop/']").first()
    await expect(image).toBeVisible()
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await page.getByTestId("lang-switch").click()
    await expect(page.locator("html")).toHaveAttribute("lang", "en")
    expect(violations).toEqual([])
    expect(errors).toEqual([])
  })
})
