/**
 * VietQR bank transfer (issue 16, decision 017): an order placed by transfer waits as "awaiting
 * payment" with a QR for the platform's account; payOS's signed notification marks it paid; forged,
 * altered, replayed and wrong-amount notifications change nothing (the last is held for an
 * operator, who can confirm by hand); an unpaid order is cancelled by the job with its stock released.
 * The bank account and the webhook secret are test values set here (random secret per run).
 */
import { randomBytes } from "node:crypto"

process.env.OCOP_VIETQR_BANK_BIN = "970436"
process.env.OCOP_VIETQR_ACCOUNT_NUMBER = "0011001234567"
process.env.OCOP_VIETQR_ACCOUNT_NAME = "CONG TY CHO OCOP THU NGHIEM"
process.env.OCOP_VIETQR_BANK_NAME = "Vietcombank"
process.env.OCOP_PAYOS_CHECKSUM_KEY = randomBytes(32).toString("hex")

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { QRPay } from "vietnam-qr-pay"
import { useMarketplace } from "../../fixtures/marketplace"
import { actors, attempt, eventually, histogram, must, type Auth } from "../security/actors"
import { payosNotification, payosSignature } from "../../../../tests/support/payment-signatures"

const KEY = process.env.OCOP_PAYOS_CHECKSUM_KEY
const VIETQR = "pp_vietqr_vietqr"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const fx = useMarketplace(api, getContainer)
    const who = actors(api, getContainer, () => fx)

    /** An order of `quantity` units (stock 5) paid by VietQR transfer. */
    async function transferOrder(quantity = 1, auth: Auth = fx.storeHeaders) {
      const producer = await who.producerAccount("HTX Cà phê Cầu Đất")
      const product = await who.stockedProduct(producer.id, "Cà phê Arabica Cầu Đất", 5, 185000)
      const email = `khach-${randomBytes(4).toString("hex")}@ocop.test`
      const cartId = await who.readyCart([{ variantId: product.variantId, quantity }], auth, email)
      const { data: cart } = await api.get(`/store/carts/${cartId}?fields=payment_collection.id`, auth)
      await must(
        api.post(
          `/store/payment-collections/${cart.cart.payment_collection.id}/payment-sessions`,
          { provider_id: VIETQR },
          auth
        ),
        "VietQR payment session"
      )
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, auth)
      expect(completed.data.type, JSON.stringify(completed.data.error)).toBe("order")
      const order = completed.data.order
      return { orderId: order.id as string, total: Number(order.total), product, email }
    }

    const paymentOf = async (orderId: string) =>
      (await api.get(`/store/ocop/orders/${orderId}/payment`, fx.storeHeaders)).data.payment
    const notify = (body: unknown) => attempt(api.post("/hooks/ocop/payos", body))
    const ledger = () =>
      getContainer().resolve("ocopPayment") as {
        listPaymentNotifications(filters: Record<string, unknown>): Promise<unknown[]>
      }
    type Captures = { payment_collections: Array<{ payments: Array<{ captures: unknown[] }> }> }
    const capturedPayments = async (orderId: string) => {
      const { data } = await getContainer()
        .resolve("query")
        .graph({ entity: "order", fields: ["payment_collections.payments.captures.id"], filters: { id: orderId } })
      return (data[0] as Captures).payment_collections.flatMap((c) => c.payments.flatMap((p) => p.captures))
    }

    it("offers VietQR in the region next to cash on delivery", async () => {
      const { data } = await api.get(`/store/payment-providers?region_id=${fx.regionId}`, fx.storeHeaders)
      expect(data.payment_providers.map((p: { id: string }) => p.id)).toEqual(
        expect.arrayContaining(["pp_system_default", VIETQR])
      )
    })

    it("a transfer order waits with a scannable VietQR payload, and a signed notification marks it paid", async () => {
      const { orderId, total } = await transferOrder()
      const waiting = await paymentOf(orderId)
      expect(waiting).toMatchObject({ method: "vietqr", status: "awaiting_payment", amount: total })
      expect(waiting.reference).toMatch(/^OCOP[2-9A-Z]{8}$/)
      expect(waiting.bank_transfer).toMatchObject({
        bank_bin: "970436",
        account_number: "0011001234567",
        account_name: "CONG TY CHO OCOP THU NGHIEM",
      })
      // The payload decodes (CRC checked by the library) to our account, the exact amount and the reference.
      const qr = new QRPay(waiting.bank_transfer.qr_payload)
      expect(qr.isValid).toBe(true)
      expect(qr.consumer).toMatchObject({ bankBin: "970436", bankNumber: "0011001234567" })
      expect(Number(qr.amount)).toBe(total)
      expect(qr.additionalData?.purpose).toBe(waiting.reference)

      const paid = await notify(
        payosNotification({ amount: total, description: `CT DEN:0123 ${waiting.reference} chuyen tien` }, KEY!)
      )
      expect(paid.status).toBe(200)
      expect(paid.data).toEqual({ outcome: "applied", order_id: orderId })
      expect(await paymentOf(orderId)).toMatchObject({ status: "paid", bank_transfer: null })
      expect(await capturedPayments(orderId)).toHaveLength(1)
    })

    it("forged, altered and replayed notifications are refused and change nothing", async () => {
      const { orderId, total } = await transferOrder()
      const { reference } = await paymentOf(orderId)
      const genuine = payosNotification({ amount: total, description: reference }, KEY!)

      const forged = payosNotification({ amount: total, description: reference }, randomBytes(32).toString("hex"))
      const forgedAnswer = await notify(forged)
      expect(forgedAnswer.status).toBe(401)
      expect(forgedAnswer.data.message).toMatch(/^Chữ ký thông báo không hợp lệ.*\(EN: .*not valid/)

      // Signed for a smaller amount, then raised on the way: the signature no longer matches.
      const altered = { ...genuine, data: { ...genuine.data, amount: total + 1 } }
      expect((await notify(altered)).status).toBe(401)
      const unsigned = { ...genuine, signature: "0".repeat(64) }
      expect((await notify(unsigned)).status).toBe(401)
      expect((await paymentOf(orderId)).status).toBe("awaiting_payment")
      expect(await ledger().listPaymentNotifications({ reference })).toHaveLength(0)

      expect((await notify(genuine)).status).toBe(200)
      const replay = await notify(genuine)
      expect(replay.status).toBe(409)
      expect(replay.data.message).toMatch(/^Thông báo thanh toán này đã được xử lý.*\(EN: /)
      expect(await capturedPayments(orderId)).toHaveLength(1)
      expect(await ledger().listPaymentNotifications({ reference })).toHaveLength(1)
    })

    it("a wrong amount is held for an operator, who confirms the order by hand", async () => {
      const { orderId, total } = await transferOrder()
      const { reference } = await paymentOf(orderId)
      const short = await notify(payosNotification({ amount: total - 10000, description: reference }, KEY!))
      expect(short.status).toBe(202)
      expect(short.data).toMatchObject({ outcome: "held", reason: "amount_mismatch", order_id: orderId })
      expect(short.data.message).toMatch(/^Số tiền chuyển khác/)
      expect((await paymentOf(orderId)).status).toBe("awaiting_payment")
      expect(await capturedPayments(orderId)).toHaveLength(0)

      const { data: held } = await api.get("/admin/ocop/payments?outcome=held", fx.adminHeaders)
      expect(held.notifications.map((n: { order_id: string }) => n.order_id)).toContain(orderId)
      const { data: widget } = await api.get(`/admin/ocop/payments/orders/${orderId}`, fx.adminHeaders)
      expect(widget.payment).toMatchObject({ status: "awaiting_payment", amount: total, reference })
      expect(widget.notifications[0]).toMatchObject({ outcome: "held", amount: total - 10000 })

      // A stranger cannot confirm; a note is required.
      expect(
        (await attempt(api.post(`/admin/ocop/payments/orders/${orderId}/confirm`, { note: "ok ok" }))).status
      ).toBe(401)
      const noNote = await attempt(api.post(`/admin/ocop/payments/orders/${orderId}/confirm`, {}, fx.adminHeaders))
      expect(noNote.status).toBe(400)
      expect(noNote.data.errors).toHaveProperty("note")

      const confirmed = await attempt(
        api.post(
          `/admin/ocop/payments/orders/${orderId}/confirm`,
          { note: "Sao kê Vietcombank 30/11: khách chuyển bổ sung 10.000 ₫" },
          fx.adminHeaders
        )
      )
      expect(confirmed.status).toBe(200)
      expect((await paymentOf(orderId)).status).toBe("paid")
      const after = (await api.get(`/admin/ocop/payments/orders/${orderId}`, fx.adminHeaders)).data
      expect(after.notifications.map((n: { outcome: string }) => n.outcome).sort()).toEqual(["applied", "resolved"])
      const again = await attempt(
        api.post(`/admin/ocop/payments/orders/${orderId}/confirm`, { note: "lần nữa" }, fx.adminHeaders)
      )
      expect(again.status).toBe(409)
    })

    it("a transfer naming no order is held, never applied", async () => {
      const answer = await notify(payosNotification({ amount: 185000, description: "OCOPZZZZZZZZ" }, KEY!))
      expect(answer.status).toBe(202)
      expect(answer.data).toMatchObject({ outcome: "held", reason: "unknown_reference", order_id: null })
    })

    it("5 identical notifications in parallel: one applies, four are refused as replays", async () => {
      const { orderId, total } = await transferOrder()
      const { reference } = await paymentOf(orderId)
      const body = payosNotification({ amount: total, description: reference }, KEY!)
      const answers = await Promise.all(Array.from({ length: 5 }, () => notify(body)))
      console.log(`[payments] 5 parallel identical notifications: ${JSON.stringify(histogram(answers))}`)
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409])
      expect(await capturedPayments(orderId)).toHaveLength(1)
      expect(await ledger().listPaymentNotifications({ reference })).toHaveLength(1)
    })

    it("malformed notifications are 400s naming the field", async () => {
      const good = payosNotification({ amount: 185000, description: "OCOPABCDEFGH" }, KEY!)
      const noSignature = await notify({ ...good, signature: undefined })
      expect(noSignature.status).toBe(400)
      expect(noSignature.data.errors).toHaveProperty("signature")
      const textAmount = { ...good, data: { ...good.data, amount: "185000" } }
      const badAmount = await notify({ ...textAmount, signature: payosSignature(textAmount.data, KEY!) })
      expect(badAmount.status).toBe(400)
      expect(badAmount.data.errors).toHaveProperty(["data.amount"])
      const noData = await notify({ code: "00", desc: "success", signature: good.signature })
      expect(noData.status).toBe(400)
      expect(noData.data.errors).toHaveProperty("data")
    })

    it("an unpaid order is cancelled by the job: stock released, the shopper told why", async () => {
      const { orderId, total, product, email } = await transferOrder(2)
      const { reference } = await paymentOf(orderId)
      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 5, reserved: 2 })

      const { cancelUnpaidOrders } = require("@ocop-marketplace/ocop/workflows/payments/cancel-unpaid-orders")
      // Not yet due: nothing happens.
      expect((await cancelUnpaidOrders(getContainer(), { minutes: 30 })).cancelled).not.toContain(orderId)
      const due = await cancelUnpaidOrders(getContainer(), { minutes: 1, now: new Date(Date.now() + 2 * 60_000) })
      expect(due.cancelled).toContain(orderId)

      expect(await who.stockLevel(product.inventoryItemId)).toEqual({ stocked: 5, reserved: 0 })
      expect(await paymentOf(orderId)).toMatchObject({ status: "cancelled_unpaid", bank_transfer: null })
      const mail = await eventually(async () => {
        const { data } = await api.get(`/admin/notifications?to=${encodeURIComponent(email)}`, fx.adminHeaders)
        return data.notifications.find((n: { template: string }) => n.template === "ocop-order-cancelled-unpaid")
      }, "the cancellation email")
      expect(mail.data.text_vi).toMatch(/đã bị hủy vì chưa nhận được thanh toán/)
      expect(mail.data.text_en).toMatch(/cancelled because its payment did not arrive/)

      // Money arriving after the cancellation is held, not applied to a cancelled order.
      const late = await notify(payosNotification({ amount: total, description: reference }, KEY!))
      expect(late.status).toBe(202)
      expect(late.data.reason).toBe("order_cancelled")
      // A second run finds nothing more to do for it.
      const rerun = await cancelUnpaidOrders(getContainer(), { minutes: 1, now: new Date(Date.now() + 2 * 60_000) })
      expect(rerun.cancelled).not.toContain(orderId)
    })
  },
})
