/**
 * Store setup, idempotent (every step looks before it creates):
 * store currency VND, region "Việt Nam" (vn, cash on delivery = pp_system_default), tax region vn,
 * the marketplace sales channel "Chợ OCOP" (metadata.ocop_role = "marketplace") with the storefront
 * publishable key, stock location "Kho OCOP Việt Nam" with a fulfillment set and two shipping options,
 * and the demo accounts (admin user, shopper customer).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { DELIVERY_RATES } from "@ocop-marketplace/ocop/lib/delivery-rates"
import { passwordProblem, PASSWORD_PROBLEM_TEXT } from "@ocop-marketplace/ocop/lib/password-policy"
import { demoPasswords, demoPasswordsAreNew } from "./demo-logins"

type Container = ExecArgs["container"]
export type Log = (message: string) => void

export const MARKETPLACE_CHANNEL_NAME = "Chợ OCOP"
export const PUBLISHABLE_KEY_TITLE = "OCOP Marketplace storefront"
export const STOCK_LOCATION_NAME = "Kho OCOP Việt Nam"
export const REGION_NAME = "Việt Nam"
export const DEMO_ACCOUNTS = {
  admin: { email: "admin@ocop.vn", first_name: "Quản trị", last_name: "OCOP" },
  shopper: {
    email: "khach@ocop.vn",
    first_name: "An",
    last_name: "Nguyễn",
    phone: "+84912345678",
  },
}
/** The platform's options (default profile); each producer gets the same rates on its own profile (decision 007). */
export const SHIPPING_OPTIONS = DELIVERY_RATES

export type StoreSetup = {
  regionId: string
  marketplaceChannelId: string
  defaultChannelId?: string
  publishableKey: string
  stockLocationId: string
  shippingProfileId: string
}

export async function setupStore(container: Container, log: Log): Promise<StoreSetup> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  // Sales channel: the marketplace one (listing = membership; written only by OCOP workflows).
  const channels = await salesChannelModule.listSalesChannels({}, { select: ["id", "name", "metadata"] })
  let marketplace = channels.find((c) => (c.metadata as Record<string, unknown> | null)?.ocop_role === "marketplace")
  if (!marketplace) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: {
        salesChannelsData: [
          {
            name: MARKETPLACE_CHANNEL_NAME,
            description:
              "Sản phẩm OCOP 3–5 sao còn hiệu lực. Chỉ quy trình OCOP được thêm/bớt sản phẩm (listing gate).",
            metadata: { ocop_role: "marketplace" },
          } as any,
        ],
      },
    })
    marketplace = result[0]
    log(`created the marketplace sales channel "${MARKETPLACE_CHANNEL_NAME}"`)
  }

  // Store: VND as the default currency; Medusa's own default channel stays the internal one.
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  const currencies = (store.supported_currencies ?? []).map((c) => c.currency_code)
  const vndDefault = store.supported_currencies?.find((c) => c.currency_code === "vnd")?.is_default
  if (!vndDefault) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "OCOP Marketplace",
          supported_currencies: [
            { currency_code: "vnd", is_default: true },
            ...currencies.filter((c) => c !== "vnd").map((c) => ({ currency_code: c, is_default: false })),
          ],
        },
      },
    })
    log("set the store's default currency to VND")
  }

  // Region Việt Nam with cash on delivery (Medusa's system payment provider).
  let [region] = await regionModule.listRegions({ name: REGION_NAME })
  if (!region) {
    const existingVn = (await regionModule.listCountries({ iso_2: "vn" })) as Array<{ region_id?: string | null }>
    if (existingVn[0]?.region_id) {
      throw new Error(
        `Country vn already belongs to another region (${existingVn[0].region_id}); rename that region to "${REGION_NAME}" or delete it, then seed again.`
      )
    }
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: REGION_NAME,
            currency_code: "vnd",
            countries: ["vn"],
            payment_providers: ["pp_system_default"],
            automatic_taxes: true,
          },
        ],
      },
    })
    region = result[0]
    log(`created region "${REGION_NAME}" (VND, cash on delivery)`)
  }
  // Card payments (Stripe), VietQR bank transfer and VNPay: offered in the region when configured.
  const configuredPayments = [
    { id: "pp_stripe_stripe", on: !!process.env.STRIPE_API_KEY, what: "card payments through Stripe" },
    { id: "pp_vietqr_vietqr", on: !!process.env.OCOP_VIETQR_ACCOUNT_NUMBER, what: "VietQR bank transfer" },
    { id: "pp_vnpay_vnpay", on: !!process.env.OCOP_VNPAY_TMN_CODE, what: "VNPay" },
  ].filter((p) => p.on)
  if (configuredPayments.length) {
    const { data: linked } = await query.graph({
      entity: "region",
      fields: ["payment_providers.id"],
      filters: { id: region.id },
    })
    const has = new Set(((linked[0] as any)?.payment_providers ?? []).map((p: any) => p?.id))
    for (const provider of configuredPayments.filter((p) => !has.has(p.id))) {
      await link.create({
        [Modules.REGION]: { region_id: region.id },
        [Modules.PAYMENT]: { payment_provider_id: provider.id },
      })
      log(`region "${REGION_NAME}": ${provider.what} enabled`)
    }
  }
  if (store.default_region_id !== region.id) {
    await updateStoresWorkflow(container).run({
      input: { selector: { id: store.id }, update: { default_region_id: region.id } },
    })
  }

  const taxRegions = await taxModule.listTaxRegions({ country_code: "vn" })
  if (taxRegions.length === 0) {
    await createTaxRegionsWorkflow(container).run({ input: [{ country_code: "vn", provider_id: "tp_system" }] })
    log("created tax region vn (prices are VAT-inclusive)")
  }

  // Publishable key bound to the marketplace channel.
  let [key] = await apiKeyModule.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "seed" }] },
    })
    key = result[0]
    log(`created publishable API key "${PUBLISHABLE_KEY_TITLE}"`)
  }
  const { data: keyChannels } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  if (!keyChannels[0]?.sales_channels?.some((c: { id: string } | null) => c?.id === marketplace!.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [marketplace.id] } })
    log("bound the publishable key to the marketplace channel")
  }

  // Shipping profile (products need one for shipping options to apply).
  let [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }

  // Stock location + fulfillment set + service zone vn + shipping options.
  let [location] = await stockLocationModule.listStockLocations({ name: STOCK_LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION_NAME,
            address: { address_1: "Kho tổng", city: "Hà Nội", country_code: "vn", province: "Hà Nội" },
          },
        ],
      },
    })
    location = result[0]
    log(`created stock location "${STOCK_LOCATION_NAME}"`)
  }
  const { data: locationLinks } = await query.graph({
    entity: "stock_location",
    fields: [
      "id",
      "sales_channels.id",
      "fulfillment_sets.id",
      "fulfillment_sets.service_zones.id",
      "fulfillment_providers.id",
    ],
    filters: { id: location.id },
  })
  const loc = locationLinks[0] as any
  if (!loc?.sales_channels?.some((c: any) => c?.id === marketplace!.id)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [marketplace.id] } })
  }
  if (!loc?.fulfillment_providers?.some((p: any) => p?.id === "manual_manual")) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  let serviceZoneId: string | undefined = loc?.fulfillment_sets?.[0]?.service_zones?.[0]?.id
  if (!loc?.fulfillment_sets?.length) {
    const set = await fulfillmentModule.createFulfillmentSets({
      name: "Giao hàng toàn quốc",
      type: "shipping",
      service_zones: [{ name: "Việt Nam", geo_zones: [{ country_code: "vn", type: "country" }] }],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    })
    serviceZoneId = set.service_zones[0].id
    log("created fulfillment set with service zone Việt Nam")
  }
  // Only the platform's own options (producers' options on their profiles carry the same names).
  const existingOptions = await fulfillmentModule.listShippingOptions(
    { service_zone: { id: serviceZoneId }, shipping_profile_id: profile.id } as any,
    { select: ["id", "name"] }
  )
  const missing = SHIPPING_OPTIONS.filter((o) => !existingOptions.some((e) => e.name === o.name))
  if (missing.length) {
    await createShippingOptionsWorkflow(container).run({
      input: missing.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: serviceZoneId!,
        shipping_profile_id: profile.id,
        type: { label: o.name, description: o.description, code: o.code },
        prices: [
          { currency_code: "vnd", amount: o.amount },
          { region_id: region.id, amount: o.amount },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
    log(
      `created shipping options: ${missing.map((o) => `${o.name} (${o.amount.toLocaleString("vi-VN")} ₫)`).join(", ")}`
    )
  }

  await ensureAccounts(container, log)

  const defaultChannelId = (store as any).default_sales_channel_id as string | undefined
  return {
    regionId: region.id,
    marketplaceChannelId: marketplace.id,
    defaultChannelId,
    publishableKey: key.token,
    stockLocationId: location.id,
    shippingProfileId: profile.id,
  }
}

/** Demo admin (Medusa user) and shopper (customer), each with an emailpass auth identity. */
export async function ensureAccounts(container: Container, log: Log) {
  const auth = container.resolve(Modules.AUTH)
  const userModule = container.resolve(Modules.USER)
  const customerModule = container.resolve(Modules.CUSTOMER)

  const { admin, shopper } = DEMO_ACCOUNTS
  const [user] = await userModule.listUsers({ email: admin.email })
  if (!user) {
    const identity = await registerIdentity(auth, admin.email, demoPasswords().admin)
    await createUserAccountWorkflow(container).run({
      input: {
        authIdentityId: identity.id,
        userData: { email: admin.email, first_name: admin.first_name, last_name: admin.last_name },
      },
    })
    log(`created admin user ${admin.email}`)
  }
  const [customer] = await customerModule.listCustomers({ email: shopper.email, has_account: true })
  if (!customer) {
    const identity = await registerIdentity(auth, shopper.email, demoPasswords().shopper)
    await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: identity.id,
        customerData: {
          email: shopper.email,
          first_name: shopper.first_name,
          last_name: shopper.last_name,
          phone: shopper.phone,
        },
      },
    })
    log(`created shopper account ${shopper.email}`)
  }
}

export async function registerIdentity(auth: any, email: string, password: string) {
  // The seed writes through the Auth module, past the API's password policy: hold it to the same rule.
  const problem = passwordProblem(password, email)
  if (problem)
    throw new Error(`The seed's password for ${email} breaks the password policy: ${PASSWORD_PROBLEM_TEXT[problem].en}`)
  // One emailpass identity per e-mail serves both actor types (user and customer).
  const existing = await auth.listProviderIdentities(
    { entity_id: email, provider: "emailpass" },
    { relations: ["auth_identity"] }
  )
  if (existing[0]?.auth_identity) {
    // A login made by an older seed has the fixed password that seed carried: replace it with this
    // database's own, once, when its passwords have just been generated (never a password set since).
    if (demoPasswordsAreNew()) {
      const updated = await auth.updateProvider("emailpass", { entity_id: email, password })
      if (!updated?.success) throw new Error(`Could not set the new password of ${email}: ${updated?.error}`)
    }
    return existing[0].auth_identity
  }
  const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (!success || !authIdentity) throw new Error(`Could not register ${email}: ${error || "unknown reason"}`)
  return authIdentity
}
