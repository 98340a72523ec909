/**
 * The demo catalogue: every product in seed/data/demo-catalogue.json with its producer shop,
 * certification history, VND price, stock at "Kho OCOP Việt Nam" and generated artwork.
 * Idempotent: products are keyed on handle, producers on handle; a second run adds nothing.
 * Listing (marketplace channel membership) is left to the OCOP refresh-listings workflow.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import catalogue from "../data/demo-catalogue.json"
import { certificationHistory, type CertificationDraft } from "./lib/certificates"
import { createRng } from "./lib/rng"
import { formerProvinceCode, getProvinceByCode, placeFor } from "./lib/places"
import { writeArtwork } from "./lib/artwork-files"
import type { Log, StoreSetup } from "./store-setup"
import { assignProducerShippingWorkflow } from "@ocop-marketplace/ocop/workflows/producer/assign-producer-shipping"

type Container = ExecArgs["container"]

export type DemoProducer = (typeof catalogue.producers)[number]
export type DemoProduct = (typeof catalogue.products)[number]

export const DEMO_SKU_PREFIX = "OCOP-DEMO-"

export function demoCatalogue() {
  return catalogue as { producers: DemoProducer[]; products: DemoProduct[] }
}

/** Producer story shown on its shop page, written from what the catalogue knows. */
export function producerStory(producer: DemoProducer, products: DemoProduct[]): string {
  const province = getProvinceByCode(producer.province_code)
  const names = products.map((p) => p.title).join(", ")
  const kind: Record<string, string> = {
    cooperative: "Hợp tác xã",
    enterprise: "Doanh nghiệp",
    cooperative_group: "Tổ hợp tác",
    household: "Hộ sản xuất",
  }
  const stars = Math.max(...products.map((p) => p.stars))
  return `${kind[producer.entity_type] ?? "Chủ thể"} ở ${producer.ward}, ${province?.name_vi ?? ""} (trước đây thuộc ${producer.former_district_vi}, ${producer.former_province_vi}). Sản phẩm OCOP: ${names} — cao nhất ${stars} sao.`
}

/** Certification drafts for one demo product, relative to `now` (so the demo never lapses). */
export function demoCertifications(
  product: DemoProduct,
  producer: DemoProducer,
  now: Date,
  nextSerial: (p: string, y: number) => number
): CertificationDraft[] {
  return certificationHistory({
    stars: product.stars,
    firstStars: product.first_stars,
    firstDecision: new Date(`${product.first_decision_date}T00:00:00Z`),
    place: placeFor(producer.province_code, producer.former_province_vi, producer.former_district_vi),
    now,
    rng: createRng(`demo/${product.handle}`),
    nextSerial,
    ending: product.ending as "renewed" | "lapsed" | "revoked" | "submitted",
  })
}

export async function seedDemoCatalogue(container: Container, setup: StoreSetup, log: Log, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date()
  const { producers, products } = demoCatalogue()
  const productModule = container.resolve(Modules.PRODUCT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ocop: any = container.resolve("ocop")

  // 1. Producers (by handle).
  const existingProducers: Array<{ id: string; handle: string }> = await ocop.listProducers(
    { handle: producers.map((p) => p.handle) },
    { select: ["id", "handle"], take: null }
  )
  const producerIds = new Map(existingProducers.map((p) => [p.handle, p.id]))
  const producerByHandle = new Map(producers.map((p) => [p.handle, p]))
  const newProducers = producers.filter((p) => !producerIds.has(p.handle))
  if (newProducers.length) {
    const created = await ocop.createProducers(
      newProducers.map((p) => ({
        name: p.name,
        handle: p.handle,
        entity_type: p.entity_type,
        province_code: p.province_code,
        former_province_code: formerProvinceCode(p.province_code, p.former_province_vi),
        ward: p.ward,
        address: p.address,
        phone: p.phone,
        email: p.email,
        story: producerStory(
          p,
          products.filter((x) => x.producer_handle === p.handle)
        ),
        status: p.status,
        status_reason: p.status === "pending" ? "Đang chờ trung tâm xúc tiến thương mại duyệt hồ sơ." : null,
      }))
    )
    for (const p of created) producerIds.set(p.handle, p.id)
  }
  log(`producers: ${newProducers.length} created, ${existingProducers.length} already there`)

  // 2. Products (by handle).
  const existing = await productModule.listProducts(
    { handle: products.map((p) => p.handle) },
    { select: ["id", "handle"], take: null }
  )
  const have = new Set(existing.map((p) => p.handle))
  const todo = products.filter((p) => !have.has(p.handle))
  const idByHandle = new Map(existing.map((p) => [p.handle, p.id]))
  // Re-draw existing products' artwork too: backend/static may have been cleaned, or the drawing changed (English name).
  for (const p of products) if (have.has(p.handle)) writeArtwork(p.handle, artworkInput(p), { overwrite: true })
  let created: Array<{ id: string; handle: string }> = []
  if (todo.length) {
    const input = todo.map((p) => {
      const url = writeArtwork(p.handle, artworkInput(p), { overwrite: true })
      return {
        title: p.title,
        handle: p.handle,
        subtitle: `${getProvinceByCode(p.province_code)?.name_vi} · OCOP ${p.stars}★`,
        description: p.description,
        status: "published" as const,
        thumbnail: url,
        images: [{ url }],
        shipping_profile_id: setup.shippingProfileId,
        options: [{ title: "Quy cách", values: [p.unit] }],
        variants: [
          {
            title: p.unit,
            sku: `${DEMO_SKU_PREFIX}${p.handle}`.slice(0, 120),
            options: { "Quy cách": p.unit },
            manage_inventory: true,
            prices: [{ currency_code: "vnd", amount: p.price_vnd }],
          },
        ],
        metadata: {
          title_en: p.title_en,
          description_en: p.description_en,
          unit: p.unit,
          ocop_demo: true,
          price_is_estimate: p.price_is_estimate,
          source: p.source,
        },
      }
    })
    const { result } = await createProductsWorkflow(container).run({ input: { products: input } })
    created = result.map((p) => ({ id: p.id, handle: p.handle }))
    for (const p of created) idByHandle.set(p.handle, p.id)
  }
  log(`products: ${created.length} created (published, VND prices), ${existing.length} already there`)
  const allIds = products.map((p) => idByHandle.get(p.handle)!).filter(Boolean)

  // Each step below looks for what is missing across all demo products, so an interrupted run heals.
  // 3. Stock at the OCOP warehouse (inventory items were created with the variants).
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "product.handle",
      "inventory_items.inventory_item_id",
      "inventory_items.inventory.location_levels.location_id",
    ],
    filters: { product_id: allIds },
  })
  const stockByHandle = new Map(products.map((p) => [p.handle, p.stock]))
  const levels = (variants as any[]).flatMap((v) =>
    (v.inventory_items ?? [])
      .filter(
        (ii: any) => !(ii.inventory?.location_levels ?? []).some((l: any) => l?.location_id === setup.stockLocationId)
      )
      .map((ii: any) => ({
        inventory_item_id: ii.inventory_item_id,
        location_id: setup.stockLocationId,
        stocked_quantity: stockByHandle.get(v.product.handle) ?? 50,
      }))
  )
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
    log(`stock: ${levels.length} inventory levels at the OCOP warehouse`)
  }

  // 4. Product ↔ producer links.
  const { data: linked } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "producer.id"],
    filters: { id: allIds },
  })
  const unlinked = new Set((linked as any[]).filter((p) => !p.producer?.id).map((p) => p.handle))
  const toLink = products.filter((p) => unlinked.has(p.handle))
  if (toLink.length) {
    await link.create(
      toLink.map((p) => ({
        [Modules.PRODUCT]: { product_id: idByHandle.get(p.handle)! },
        ocop: { producer_id: producerIds.get(p.producer_handle)! },
      }))
    )
    log(`linked ${toLink.length} products to their producer shops`)
  }
  // Each producer ships its own parcel: its products go into its own shipping profile (decision 007).
  for (const [handle, producerId] of producerIds) {
    const product_ids = products.filter((p) => p.producer_handle === handle).map((p) => idByHandle.get(p.handle)!)
    if (product_ids.length)
      await assignProducerShippingWorkflow(container).run({ input: { producer_id: producerId, product_ids } })
  }

  // 5. Certification history (oldest first, chained by previous_certification_id) for products without any.
  const existingCerts: Array<{ certificate_number: string; product_id: string }> = await ocop.listCertifications(
    {},
    { select: ["certificate_number", "product_id"], take: null }
  )
  const certified = new Set(existingCerts.map((c) => c.product_id))
  const usedNumbers = new Set(existingCerts.map((c) => c.certificate_number))
  const serials = new Map<string, number>()
  const nextSerial = (province: string, year: number) => {
    const key = `${province}/${year}`
    const n = (serials.get(key) ?? 100) + 1
    serials.set(key, n)
    return n
  }
  const toCertify = products.filter((p) => !certified.has(idByHandle.get(p.handle)!))
  let certCount = 0
  for (const p of toCertify) {
    const producer = producerByHandle.get(p.producer_handle)!
    const drafts = demoCertifications(p, producer, now, nextSerial)
    let previous: string | null = null
    for (const d of drafts) {
      let number = d.certificate_number
      for (let i = 2; usedNumbers.has(number); i++) number = `${d.certificate_number}-${i}`
      usedNumbers.add(number)
      const [cert]: Array<{ id: string }> = await ocop.createCertifications([
        {
          ...d,
          certificate_number: number,
          product_id: idByHandle.get(p.handle)!,
          producer_id: producerIds.get(p.producer_handle)!,
          group_slug: p.group_slug,
          subgroup_slug: p.subgroup_slug,
          province_code: p.province_code,
          decision_date: d.decision_date ? new Date(d.decision_date) : null,
          valid_from: d.valid_from ? new Date(d.valid_from) : null,
          expires_at: d.expires_at ? new Date(d.expires_at) : null,
          decided_by: d.status === "submitted" ? null : "seed",
          decided_at: d.decision_date ? new Date(d.decision_date) : null,
          potential_five_star: p.stars === 4 && (d.score ?? 0) >= 88,
          previous_certification_id: previous,
        },
      ])
      previous = cert.id
      certCount++
    }
  }
  if (toCertify.length) {
    log(
      `certifications: ${certCount} records for ${toCertify.length} products (history with renewals; a few lapsed, revoked or awaiting re-evaluation on purpose)`
    )
  }
  const changed = created.length + levels.length + toLink.length + toCertify.length
  if (!changed) log(`demo catalogue: all ${products.length} products already complete, nothing to add`)
  return { created: created.length, changed, productIds: allIds }
}

function artworkInput(p: DemoProduct) {
  return {
    name: p.title,
    name_en: p.title_en,
    group_slug: p.group_slug,
    stars: p.stars,
    province: getProvinceByCode(p.province_code)?.name_vi,
    unit: p.unit,
  }
}
