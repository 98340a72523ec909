/**
 * Issue 10, item 8: brute force. Real limiters with small limits (set before the app boots):
 * 5 failed logins per account, 30 auth requests per address, per 15-minute window.
 * Each test speaks from its own addresses (X-Forwarded-For, believed from the loopback peer like
 * a same-machine storefront or proxy), so the tests do not share counters.
 */
process.env.OCOP_AUTH_ACCOUNT_LIMIT = "5"
process.env.OCOP_AUTH_IP_LIMIT = "30"
process.env.OCOP_AUTH_WINDOW_SECONDS = "900"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useMarketplace, unique } from "../../fixtures/marketplace"

const PASSWORD = "Dung#MatKhau2026"
// Documentation addresses (RFC 3849) unique to this run: a shared Redis keeps counts between runs.
const run = Math.floor(Math.random() * 0xffff).toString(16)
let lastAddress = 0
const newAddress = () => `2001:db8:${run}::${(++lastAddress).toString(16)}`
const from = (address: string, extra: Record<string, string> = {}) => ({
  headers: { "x-forwarded-for": address, ...extra },
  validateStatus: () => true,
})

function expectTooMany(res: any) {
  expect(res.status).toBe(429)
  const seconds = Number(res.headers["retry-after"])
  expect(Number.isInteger(seconds)).toBe(true)
  expect(seconds).toBeGreaterThan(0)
  expect(seconds).toBeLessThanOrEqual(900)
  const minutes = Math.ceil(seconds / 60)
  expect(res.data).toEqual({
    type: "too_many_requests",
    code: "too_many_attempts",
    message: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    message_vi: `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
    message_en: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)

    async function registered(actor: "customer" | "producer" | "user") {
      const email = `${unique(actor)}@ocop.test`
      const res = await api.post(`/auth/${actor}/emailpass/register`, { email, password: PASSWORD }, from(newAddress()))
      expect(res.status).toBe(200)
      return email
    }

    it("locks one account after 5 failed logins, whatever the address, even for the right password; other accounts still log in", async () => {
      const email = await registered("customer")
      const other = await registered("customer")
      for (let i = 0; i < 5; i++) {
        const res = await api.post(
          "/auth/customer/emailpass",
          { email, password: `Sai#MatKhau${i}xyz` },
          from(newAddress())
        )
        expect(res.status).toBe(401)
      }
      expectTooMany(await api.post("/auth/customer/emailpass", { email, password: PASSWORD }, from(newAddress())))
      // Same address as the last guess, another account: not limited.
      const address = newAddress()
      expect(
        (await api.post("/auth/customer/emailpass", { email: other, password: PASSWORD }, from(address))).status
      ).toBe(200)
      // The account key ignores case and spaces around the email.
      expectTooMany(
        await api.post(
          "/auth/customer/emailpass",
          { email: `  ${email.toUpperCase()} `, password: PASSWORD },
          from(address)
        )
      )
    })

    it("counts 20 parallel wrong passwords before any is answered: exactly 5 are tried, 15 get 429", async () => {
      const email = await registered("producer")
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.post("/auth/producer/emailpass", { email, password: `Doan#Mo${i}abcdef` }, from(newAddress()))
        )
      )
      const statuses = answers.map((a: any) => a.status).sort()
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)])
      for (const a of answers.filter((a: any) => a.status === 429)) expectTooMany(a)
    })

    it("forgives failures once the owner logs in: a success clears the account's count", async () => {
      const email = await registered("user")
      const address = newAddress()
      for (let i = 0; i < 4; i++)
        expect(
          (await api.post("/auth/user/emailpass", { email, password: `Sai#${i}abcdefgh` }, from(address))).status
        ).toBe(401)
      expect((await api.post("/auth/user/emailpass", { email, password: PASSWORD }, from(address))).status).toBe(200)
      for (let i = 0; i < 4; i++)
        expect(
          (await api.post("/auth/user/emailpass", { email, password: `Sai#${i}abcdefgh` }, from(address))).status
        ).toBe(401)
      expect((await api.post("/auth/user/emailpass", { email, password: PASSWORD }, from(address))).status).toBe(200)
    })

    it("limits password-reset requests per account (every request counts; the answer never says whether the account exists)", async () => {
      const email = await registered("customer")
      for (let i = 0; i < 5; i++) {
        expect(
          (await api.post("/auth/customer/emailpass/reset-password", { identifier: email }, from(newAddress()))).status
        ).toBe(201)
      }
      expectTooMany(
        await api.post("/auth/customer/emailpass/reset-password", { identifier: email }, from(newAddress()))
      )
      // Unknown accounts are counted the same way (no hint that they do not exist).
      const nobody = `${unique("nobody")}@ocop.test`
      for (let i = 0; i < 5; i++)
        expect(
          (await api.post("/auth/customer/emailpass/reset-password", { identifier: nobody }, from(newAddress()))).status
        ).toBe(201)
      expectTooMany(
        await api.post("/auth/customer/emailpass/reset-password", { identifier: nobody }, from(newAddress()))
      )
    })

    it("limits one address to 30 auth requests across logins, registrations, resets, producer sign-ups and customer creation, for every actor", async () => {
      const address = newAddress()
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        for (const actor of ["user", "customer", "producer", "curator"]) {
          // Different unknown accounts: only the address links these requests.
          statuses.push(
            (
              await api.post(
                `/auth/${actor}/emailpass`,
                { email: `${unique("guess")}@ocop.test`, password: PASSWORD },
                from(address)
              )
            ).status
          )
        }
      }
      // Then one of each other rate-limited kind of request, from the same address.
      const others: Array<[path: string, body: Record<string, unknown>, headers?: Record<string, string>]> = [
        ["/auth/customer/emailpass/register", { email: `${unique("new")}@ocop.test`, password: "1" }],
        ["/auth/producer/emailpass/register", { email: `${unique("new")}@ocop.test`, password: PASSWORD }],
        ["/auth/curator/emailpass/reset-password", { identifier: `${unique("x")}@ocop.test` }],
        ["/auth/user/emailpass/update", { password: PASSWORD }, { authorization: "Bearer not-a-token" }],
        ["/producers/signup", { name: "HTX Thử", entity_type: "cooperative", province_code: "68" }],
        ["/store/customers", { email: `${unique("c")}@ocop.test` }, fx.storeHeaders.headers],
      ]
      for (const [path, body, headers] of others)
        statuses.push((await api.post(path, body, from(address, headers))).status)
      expect(statuses).toEqual([...Array(24).fill(401), 400, 200, 201, 401, 401, 401])

      // The 31st request from that address, whatever it is, is refused before it is looked at.
      expectTooMany(
        await api.post(
          "/auth/user/emailpass",
          { email: "operator@ocop.test", password: "Operator#2026" },
          from(address)
        )
      )
      expectTooMany(
        await api.post(
          "/auth/customer/emailpass/register",
          { email: `${unique("n")}@ocop.test`, password: PASSWORD },
          from(address)
        )
      )
      expectTooMany(await api.post("/producers/signup", {}, from(address)))
      expectTooMany(await api.post("/store/customers", {}, from(address, fx.storeHeaders.headers)))
      // Another address is not affected.
      expect(
        (
          await api.post(
            "/auth/user/emailpass",
            { email: "operator@ocop.test", password: "Operator#2026" },
            from(newAddress())
          )
        ).status
      ).toBe(200)
    })
  },
})
