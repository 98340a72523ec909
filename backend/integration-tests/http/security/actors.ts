/**
 * The people of the security suite, made the way the portals and the storefront make them:
 * producers sign up and are approved, curators get logins of a trade centre, customers register,
 * products are certified through the API. Stocked products get an inventory level so that orders
 * reserve and fulfilments take stock, as in production.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { certificationBody, expectStatus, publishedProduct, unique, type Fixture } from "../../fixtures/marketplace"
import { SHOPPER_ADDRESS } from "../../../../tests/support/shopper-address"

export type Auth = { headers: Record<string, string> }
export type Outcome = { status: number; data: any; ms: number; headers?: Record<string, string> }

export const bearer = (token: string): Auth => ({ headers: { authorization: `Bearer ${token}` } })
export const withHeaders = (auth: Auth, headers: Record<string, string>): Auth => ({
  headers: { ...auth.headers, ...headers },
})

/** Any answer, never a throw: status, body, headers and how long it took. */
export async function attempt(promise: Promise<any>): Promise<Outcome> {
  const started = Date.now()
  try {
    const res = await promise
    return { status: res.status, data: res.data, headers: res.headers, ms: Date.now() - started }
  } catch (error: any) {
    if (!error.response) throw error
    return {
      status: error.response.status,
      data: error.response.data,
      headers: error.response.headers,
      ms: Date.now() - started,
    }
  }
}

/** The response, or a throw that says which step failed and what the server answered. */
export async function must<T = any>(promise: Promise<T>, what: string): Promise<T> {
  try {
    return await promise
  } catch (error: any) {
    if (!error.response) throw error
    throw new Error(`${what}: ${error.response.status} ${JSON.stringify(error.response.data)}`)
  }
}

export function histogram(outcomes: Array<{ status: number }>): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1
  return counts
}

/** Polls until check() returns something truthy, or fails after the deadline. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  deadlineMs = 10_000
): Promise<T> {
  const until = Date.now() + deadlineMs
  for (;;) {
    const value = await check()
    if (value) return value as T
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export function actors(api: any, getContainer: () => any, fx: () => Fixture) {
  /** Sign-up as a producer the way the portal does it, approved by the operator. */
  async function producerAccount(name: string, province_code = "68") {
    const email = `${unique("sx")}@ocop.test`
    const password = "MatKhau#2026"
    const reg = await api.post("/auth/producer/emailpass/register", { email, password })
    const signup = await api.post(
      "/producers/signup",
      { name, entity_type: "cooperative", province_code, phone: "0987654321" },
      bearer(reg.data.token)
    )
    expect(signup.data.producer.status).toBe("pending")
    await api.post(`/admin/ocop/producers/${signup.data.producer.id}/approve`, {}, fx().adminHeaders)
    const login = await api.post("/auth/producer/emailpass", { email, password })
    return { id: signup.data.producer.id as string, province_code, auth: bearer(login.data.token) }
  }

  async function curatorAccount(province_code: string) {
    const center = await api.post(
      "/admin/ocop/trade-centers",
      { name: `Trung tâm XTTM ${province_code} ${unique("")}`, province_code },
      fx().adminHeaders
    )
    const email = `${unique("xttm")}@ocop.test`
    await api.post(
      `/admin/ocop/trade-centers/${center.data.trade_center.id}/curators`,
      { email, password: "XucTien#2026" },
      fx().adminHeaders
    )
    const login = await api.post("/auth/curator/emailpass", { email, password: "XucTien#2026" })
    return { tradeCenterId: center.data.trade_center.id as string, province_code, auth: bearer(login.data.token) }
  }

  async function customerAccount(first_name: string) {
    const email = `${unique("kh")}@ocop.test`
    const password = "KhachHang#2026"
    const reg = await api.post("/auth/customer/emailpass/register", { email, password })
    await api.post(
      "/store/customers",
      { email, first_name, last_name: "Nguyễn" },
      withHeaders(bearer(reg.data.token), fx().storeHeaders.headers)
    )
    const login = await api.post("/auth/customer/emailpass", { email, password })
    return { email, auth: withHeaders(bearer(login.data.token), fx().storeHeaders.headers) }
  }

  /** A producer's product, certified (submitted by the producer, approved by the operator) and published. */
  async function listedVendorProduct(producer: { auth: Auth; province_code?: string }, title: string, price = 150000) {
    const { data } = await api.post("/vendor/products", { title, price }, producer.auth)
    // Naming its own province is allowed (and what older clients send); the server would take it anyway.
    const cert = await must(
      api.post(
        "/vendor/certifications",
        certificationBody(data.product.id, { province_code: producer.province_code }),
        producer.auth
      ),
      "submit certification"
    )
    await api.post(`/admin/ocop/certifications/${cert.data.certification.id}/approve`, {}, fx().adminHeaders)
    await api.post(`/vendor/products/${data.product.id}`, { status: "published" }, producer.auth)
    const detail = await api.get(`/vendor/products/${data.product.id}`, producer.auth)
    return {
      id: data.product.id as string,
      variantId: detail.data.product.variants[0].id as string,
      certificationId: cert.data.certification.id as string,
    }
  }

  /**
   * A draft product of this producer and the certification it submitted for it, not yet decided:
   * a food product ("thuc-pham") with a new certificate number and the given stars, score,
   * authority and province.
   */
  async function submittedVendorProduct(
    producer: { auth: Auth },
    { title, price }: { title: string; price: number },
    certification: { stars: number; score: number; issuing_authority: string; province_code: string }
  ) {
    const { data } = await must(api.post("/vendor/products", { title, price }, producer.auth), "create product")
    const cert = await must(
      api.post(
        "/vendor/certifications",
        { product_id: data.product.id, group_slug: "thuc-pham", certificate_number: unique("CN"), ...certification },
        producer.auth
      ),
      "submit certification"
    )
    return { productId: data.product.id as string, certificationId: cert.data.certification.id as string }
  }

  /** A listed product of this producer whose variant keeps stock at the OCOP warehouse. */
  async function stockedProduct(producerId: string, title: string, stock: number, price = 120000) {
    const container = getContainer()
    const { result } = await createProductsWorkflow(container).run({
      input: {
        products: [publishedProduct(fx(), { title, handle: unique("kho"), price, pack: "Hộp", manageInventory: true })],
      },
    })
    const product = result[0]
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { product_id: product.id },
    })
    const inventoryItemId = (variants[0] as any).inventory_items[0].inventory_item_id as string
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: [
          { inventory_item_id: inventoryItemId, location_id: fx().stockLocationId, stocked_quantity: stock },
        ],
      },
    })
    await api.post(`/admin/ocop/products/${product.id}/producer`, { producer_id: producerId }, fx().adminHeaders)
    const cert = await api.post("/admin/ocop/certifications", certificationBody(product.id), fx().adminHeaders)
    await api.post(`/admin/ocop/certifications/${cert.data.certification.id}/approve`, {}, fx().adminHeaders)
    return { id: product.id as string, variantId: (variants[0] as any).id as string, inventoryItemId }
  }

  async function stockLevel(inventoryItemId: string) {
    const inventory = getContainer().resolve(Modules.INVENTORY)
    const [level] = await inventory.listInventoryLevels({
      inventory_item_id: inventoryItemId,
      location_id: fx().stockLocationId,
    })
    return { stocked: Number(level.stocked_quantity), reserved: Number(level.reserved_quantity) }
  }

  /** A cart with these lines and the shopper's address, before delivery and payment are chosen. */
  async function addressedCart(
    lines: Array<{ variantId: string; quantity: number }>,
    auth: Auth = fx().storeHeaders,
    email = `${unique("khach")}@ocop.test`
  ) {
    const { data } = await must(api.post("/store/carts", { region_id: fx().regionId, email }, auth), "create cart")
    const cartId = data.cart.id as string
    for (const line of lines)
      await must(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: line.variantId, quantity: line.quantity }, auth),
        "add line"
      )
    await must(api.post(`/store/carts/${cartId}`, { shipping_address: SHOPPER_ADDRESS }, auth), "set address")
    return cartId
  }

  /** Cash on delivery: the cart's payment collection and its session with the system provider. */
  async function payByCashOnDelivery(cartId: string, auth: Auth = fx().storeHeaders) {
    const collection = await must(
      api.post("/store/payment-collections", { cart_id: cartId }, auth),
      "payment collection"
    )
    await must(
      api.post(
        `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        auth
      ),
      "payment session"
    )
  }

  /** A cart ready to complete: its lines, an address, a shipping method and a cash-on-delivery session. */
  async function readyCart(
    lines: Array<{ variantId: string; quantity: number }>,
    auth: Auth = fx().storeHeaders,
    email = `${unique("khach")}@ocop.test`
  ) {
    const cartId = await addressedCart(lines, auth, email)
    // Each producer ships its own parcel (decision 007): the standard option of each, one fee per producer.
    const options = await must(api.get(`/store/shipping-options?cart_id=${cartId}`, auth), "shipping options")
    const standard = (options.data.shipping_options as Array<{ id: string; type?: { code?: string } }>).filter(
      (o) => o.type?.code === "standard"
    )
    if (!standard.length) throw new Error(`cart ${cartId} is offered no standard delivery option`)
    for (const option of standard)
      await must(api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, auth), "shipping method")
    await payByCashOnDelivery(cartId, auth)
    return cartId
  }

  async function placeOrder(
    lines: Array<{ variantId: string; quantity: number }>,
    auth: Auth = fx().storeHeaders,
    email?: string
  ) {
    const cartId = await readyCart(lines, auth, email)
    const completed = await api.post(`/store/carts/${cartId}/complete`, {}, auth)
    if (completed.data.type !== "order")
      throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(completed.data.error)}`)
    return { cartId, orderId: completed.data.order.id as string }
  }

  /** The order reaches the producer's list once the order.placed subscriber has linked it. */
  async function orderSeenBy(producer: { auth: Auth }, orderId: string) {
    return eventually(async () => {
      const res = await attempt(api.get(`/vendor/orders/${orderId}`, producer.auth))
      return res.status === 200 ? res.data.order : null
    }, `order ${orderId} to reach its producer`)
  }

  async function auditOf(entityId: string) {
    const ocop: any = getContainer().resolve("ocop")
    return (await ocop.listAuditEvents({ entity_id: entityId }, { order: { created_at: "ASC" } })) as any[]
  }

  async function certification(id: string) {
    const ocop: any = getContainer().resolve("ocop")
    const [c] = await ocop.listCertifications({ id }, { take: 1 })
    return c
  }

  return {
    producerAccount,
    curatorAccount,
    customerAccount,
    listedVendorProduct,
    submittedVendorProduct,
    stockedProduct,
    stockLevel,
    addressedCart,
    payByCashOnDelivery,
    readyCart,
    placeOrder,
    orderSeenBy,
    auditOf,
    certification,
    expectStatus,
  }
}
