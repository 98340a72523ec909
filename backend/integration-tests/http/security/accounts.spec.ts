/**
 * Issue 10, item 8: one password policy for every actor type, enforced by the API; suspended
 * producers lose their shop with every token they hold; pending producers may only edit their
 * profile and submit certificates.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { certificationBody, createPlainProduct, expectStatus, useMarketplace, unique } from "../../fixtures/marketplace"
import { bearer } from "./actors"

const STRONG = "Dung#MatKhau2026"

function expectWeakPassword(res: { status: number; data: any }, en: string, vi: string) {
  expect(res.status).toBe(400)
  expect(res.data).toEqual({
    type: "invalid_data",
    code: "weak_password",
    message: `Invalid request: password: ${en}`,
    message_vi: `Yêu cầu không hợp lệ: mật khẩu: ${vi}`,
    message_en: `Invalid request: password: ${en}`,
    errors: { password: en },
    errors_vi: { password: vi },
  })
}

const WEAK: [string, (email: string) => string, string, string][] = [
  ["one character", () => "1", "Use at least 10 characters.", "Mật khẩu cần ít nhất 10 ký tự."],
  ["nine characters", () => "Abc#12345", "Use at least 10 characters.", "Mật khẩu cần ít nhất 10 ký tự."],
  [
    "only digits",
    () => "12345678901234",
    "Mix at least two kinds of characters (lowercase, uppercase, digits, symbols).",
    "Mật khẩu cần kết hợp ít nhất hai loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu).",
  ],
  [
    "a common password",
    () => "Password123",
    "This password is too common and easy to guess; choose another one.",
    "Mật khẩu này quá phổ biến và dễ bị đoán; hãy chọn mật khẩu khác.",
  ],
  [
    "the email",
    (email) => email,
    "The password must not be the email address.",
    "Mật khẩu không được trùng với email.",
  ],
  ["too long", () => "Aa1#".repeat(33), "Use at most 128 characters.", "Mật khẩu dài tối đa 128 ký tự."],
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)

    describe("password policy", () => {
      it.each(["user", "customer", "producer", "curator"])(
        "refuses weak passwords when a %s registers, naming the field, and registers nothing",
        async (actor) => {
          const email = `${unique(actor)}@ocop.test`
          for (const [, password, en, vi] of WEAK) {
            expectWeakPassword(
              await expectStatus(
                api.post(`/auth/${actor}/emailpass/register`, { email, password: password(email) }),
                400
              ),
              en,
              vi
            )
          }
          const missing = await expectStatus(api.post(`/auth/${actor}/emailpass/register`, { email }), 400)
          expectWeakPassword(missing, "Enter a password.", "Nhập mật khẩu.")
          // None of the refused attempts created the identity: the email is still free.
          const ok = await api.post(`/auth/${actor}/emailpass/register`, { email, password: STRONG })
          expect(ok.status).toBe(200)
          expect(typeof ok.data.token).toBe("string")
        }
      )

      it("refuses a weak password for a curator login made by an operator", async () => {
        const center = await api.post(
          "/admin/ocop/trade-centers",
          { name: "Trung tâm XTTM Huế", province_code: "46" },
          fx.adminHeaders
        )
        const url = `/admin/ocop/trade-centers/${center.data.trade_center.id}/curators`
        const email = `${unique("xttm")}@ocop.test`
        expectWeakPassword(
          await expectStatus(api.post(url, { email, password: "12345678" }, fx.adminHeaders), 400),
          "Use at least 10 characters.",
          "Mật khẩu cần ít nhất 10 ký tự."
        )
        expectWeakPassword(
          await expectStatus(api.post(url, { email, password: email }, fx.adminHeaders), 400),
          "The password must not be the email address.",
          "Mật khẩu không được trùng với email."
        )
        expect(
          (await expectStatus(api.post("/auth/curator/emailpass", { email, password: "12345678" }), 401)).status
        ).toBe(401)
        expect((await api.post(url, { email, password: STRONG }, fx.adminHeaders)).status).toBe(201)
        expect((await api.post("/auth/curator/emailpass", { email, password: STRONG })).status).toBe(200)
      })

      it("refuses a weak new password on reset without spending the reset token", async () => {
        const email = `${unique("khach")}@ocop.test`
        await api.post("/auth/customer/emailpass/register", { email, password: STRONG })
        const { http } = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
        const { result: token } = await generateResetPasswordTokenWorkflow(getContainer()).run({
          input: { entityId: email, actorType: "customer", provider: "emailpass", secret: http.jwtSecret },
        })
        expectWeakPassword(
          await expectStatus(api.post("/auth/customer/emailpass/update", { password: "abc" }, bearer(token)), 400),
          "Use at least 10 characters.",
          "Mật khẩu cần ít nhất 10 ký tự."
        )
        expectWeakPassword(
          await expectStatus(api.post("/auth/customer/emailpass/update", { password: email }, bearer(token)), 400),
          "The password must not be the email address.",
          "Mật khẩu không được trùng với email."
        )
        expect((await expectStatus(api.post("/auth/customer/emailpass", { email, password: "abc" }), 401)).status).toBe(
          401
        )

        const renewed = "Moi#MatKhau2027"
        expect((await api.post("/auth/customer/emailpass/update", { password: renewed }, bearer(token))).data).toEqual({
          success: true,
        })
        expect((await api.post("/auth/customer/emailpass", { email, password: renewed })).status).toBe(200)
        expect(
          (await expectStatus(api.post("/auth/customer/emailpass", { email, password: STRONG }), 401)).status
        ).toBe(401)
      })
    })

    /** A producer signed up through the API (pending), with a token that names it. */
    async function pendingProducer(name: string) {
      const email = `${unique("htx")}@ocop.test`
      const reg = await api.post("/auth/producer/emailpass/register", { email, password: STRONG })
      const signup = await api.post(
        "/producers/signup",
        { name, entity_type: "cooperative", province_code: "68", phone: "0987654321" },
        bearer(reg.data.token)
      )
      expect(signup.data.producer.status).toBe("pending")
      const login = await api.post("/auth/producer/emailpass", { email, password: STRONG })
      return { id: signup.data.producer.id as string, email, auth: bearer(login.data.token) }
    }

    describe("suspended producers", () => {
      it("lose every /vendor write and read but their own profile, on tokens issued before the suspension and on fresh logins; reactivation restores them", async () => {
        const producer = await pendingProducer("HTX Trà Ô Long Cầu Đất")
        await api.post(`/admin/ocop/producers/${producer.id}/approve`, {}, fx.adminHeaders)
        const made = await api.post("/vendor/products", { title: "Trà Ô Long", price: 300000 }, producer.auth)
        const productId = made.data.product.id
        expect(made.status).toBe(201)

        const reason = "Hồ sơ pháp lý hết hiệu lực"
        await api.post(`/admin/ocop/producers/${producer.id}/suspend`, { reason }, fx.adminHeaders)
        const suspendedEn = `Your producer account is suspended (reason: ${reason}): the shop cannot be used until it is reactivated.`
        const refusal = {
          type: "not_allowed",
          code: "producer_suspended",
          message: suspendedEn,
          message_vi: `Tài khoản chủ thể đang bị đình chỉ (lý do: ${reason}): gian hàng không thể thay đổi cho đến khi được khôi phục.`,
          message_en: suspendedEn,
          producer_status: "suspended",
        }
        const fresh = bearer(
          (await api.post("/auth/producer/emailpass", { email: producer.email, password: STRONG })).data.token
        )
        for (const auth of [producer.auth, fresh]) {
          for (const attempt of [
            () => api.post("/vendor/products", { title: "Sản phẩm mới", price: 100000 }, auth),
            () => api.post(`/vendor/products/${productId}`, { title: "Đổi tên khi bị đình chỉ" }, auth),
            () => api.post("/vendor/me", { story: "Đổi câu chuyện" }, auth),
            () => api.post("/vendor/certifications", certificationBody(productId), auth),
            () => api.get("/vendor/products", auth),
            () => api.get(`/vendor/products/${productId}`, auth),
            () => api.get("/vendor/certifications", auth),
            () => api.get("/vendor/orders", auth),
          ]) {
            const res = await expectStatus(attempt(), 403)
            expect(res.status).toBe(403)
            expect(res.data).toEqual(refusal)
          }
          // Its own profile stays readable, so the portal can say why.
          const me = await api.get("/vendor/me", auth)
          expect(me.data.producer).toMatchObject({ id: producer.id, status: "suspended", status_reason: reason })
        }
        // Nothing changed.
        const { data } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "product", fields: ["title"], filters: { id: productId } })
        expect(data[0].title).toBe("Trà Ô Long")
        expect(
          (await api.get(`/admin/ocop/producers/${producer.id}`, fx.adminHeaders)).data.producer.story ?? null
        ).toBeNull()

        await api.post(`/admin/ocop/producers/${producer.id}/reactivate`, {}, fx.adminHeaders)
        expect(
          (await api.post(`/vendor/products/${productId}`, { title: "Trà Ô Long đặc biệt" }, producer.auth)).status
        ).toBe(200)
      })
    })

    describe("pending producers", () => {
      it("may edit their profile and submit certificates, and nothing else", async () => {
        const producer = await pendingProducer("HTX Hồng treo gió")
        const pendingEn =
          "Your producer account is waiting for approval: until then you can only edit your profile and submit certificates."
        const refusal = {
          type: "not_allowed",
          code: "producer_pending",
          message: pendingEn,
          message_vi:
            "Tài khoản chủ thể đang chờ duyệt: trong thời gian này bạn chỉ có thể sửa hồ sơ và nộp giấy chứng nhận.",
          message_en: pendingEn,
          producer_status: "pending",
        }
        // Allowed: the profile, reading its own things, certificate submissions.
        const edited = await api.post("/vendor/me", { story: "Hồng treo gió Đà Lạt, làm thủ công." }, producer.auth)
        expect(edited.data.producer.story).toBe("Hồng treo gió Đà Lạt, làm thủ công.")
        expect((await api.get("/vendor/me", producer.auth)).data.producer.status).toBe("pending")
        expect((await api.get("/vendor/products", producer.auth)).data.products).toEqual([])
        // A product the operator attached to it (products are not created by a pending producer).
        const product = await createPlainProduct(getContainer(), fx, "Hồng treo gió hộp 500g")
        await api.post(`/admin/ocop/products/${product.id}/producer`, { producer_id: producer.id }, fx.adminHeaders)
        const submitted = await api.post("/vendor/certifications", certificationBody(product.id), producer.auth)
        expect(submitted.status).toBe(201)
        expect(submitted.data.certification.status).toBe("submitted")
        expect(
          (await api.get("/vendor/certifications", producer.auth)).data.certifications.map((c: any) => c.id)
        ).toEqual([submitted.data.certification.id])
        expect((await api.get(`/vendor/products/${product.id}`, producer.auth)).data.product.id).toBe(product.id)

        // Refused: creating or changing products (publishing included), orders, fulfilments.
        for (const attempt of [
          () => api.post("/vendor/products", { title: "Hồng sấy dẻo", price: 150000 }, producer.auth),
          () => api.post(`/vendor/products/${product.id}`, { status: "published" }, producer.auth),
          () => api.post(`/vendor/products/${product.id}`, { title: "Đổi tên" }, producer.auth),
          () => api.get("/vendor/orders", producer.auth),
          () => api.get("/vendor/orders/order_123", producer.auth),
          () => api.post("/vendor/orders/order_123/fulfillments", {}, producer.auth),
        ]) {
          const res = await expectStatus(attempt(), 403)
          expect(res.status).toBe(403)
          expect(res.data).toEqual(refusal)
        }
        const { data } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "product", fields: ["title", "status"], filters: { id: product.id } })
        expect(data[0]).toMatchObject({ title: "Hồng treo gió hộp 500g", status: "published" })
        expect((await api.get("/vendor/products", producer.auth)).data.products.map((p: any) => p.id)).toEqual([
          product.id,
        ])

        // Once approved, the same token may create products.
        await api.post(`/admin/ocop/producers/${producer.id}/approve`, {}, fx.adminHeaders)
        expect(
          (await api.post("/vendor/products", { title: "Hồng sấy dẻo", price: 150000 }, producer.auth)).status
        ).toBe(201)
      })
    })
  },
})
