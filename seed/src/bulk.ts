/**
 * Bulk generator: writes the synthetic catalogue (seed/src/lib/generator.ts) straight into the tables
 * that `medusa db:migrate` creates, one transaction per batch, one `INSERT … SELECT FROM unnest(…)`
 * per table per batch. Medusa's createProductsWorkflow manages ~120–250 products/s here; this path
 * is what makes 100k products possible in minutes.
 *
 * It writes exactly the state the OCOP listing gate would: product_sales_channel rows (marketplace
 * channel) only for listed products, and an ocop_product_listing row for every product with
 * listed true/false and the gate's reasons. The verdicts come from the plugin's own pure gate
 * function, and a sample is re-read from the database and re-checked at the end so drift shows.
 *
 * Re-runnable: products and producers are keyed on deterministic handles; existing ones are skipped.
 * Note: rows written here bypass Medusa's events, so search indexes need a full reindex afterwards
 * (seed/src/main.ts runs it).
 */
import crypto from "node:crypto"
import type { ExecArgs } from "@medusajs/framework/types"
import { evaluateListingGate } from "@ocop-marketplace/ocop/lib/listing-gate"
import { Client } from "pg"
import { planCatalogue, type ProductPlan, type ProducerPlan } from "./lib/generator"
import { formerProvinceCode } from "./lib/places"
import { createProgress, formatDuration } from "./lib/progress"
import { writeArtwork, imageBaseUrl } from "./lib/artwork-files"
import { artworkPath } from "./lib/svg"
import type { Log, StoreSetup } from "./store-setup"

type Container = ExecArgs["container"]

const BATCH = 2000

// ULIDs like Medusa's generateEntityId: 48-bit time + 80 random bits, Crockford base32.
const B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
let lastTime = 0
let pool = Buffer.alloc(0)
let poolAt = 0
function id(prefix: string): string {
  let t = Date.now()
  if (t <= lastTime) t = lastTime
  lastTime = t
  let time = ""
  for (let i = 0; i < 10; i++) {
    time = B32[t % 32] + time
    t = Math.floor(t / 32)
  }
  if (poolAt + 16 > pool.length) {
    pool = crypto.randomBytes(16 * 4096)
    poolAt = 0
  }
  let rand = ""
  for (let i = 0; i < 16; i++) rand += B32[pool[poolAt++] & 31]
  return `${prefix}_${time}${rand}`
}

const raw = (n: number) => JSON.stringify({ value: String(n), precision: 20 })

/** Columns → arrays, inserted with one statement: INSERT INTO t (cols) SELECT * FROM unnest($1::type[], …). */
class Table {
  rows: unknown[][] = []
  constructor(
    readonly name: string,
    readonly columns: Array<[string, string]>
  ) {}
  push(...values: unknown[]) {
    this.rows.push(values)
  }
  async flush(client: Client) {
    if (!this.rows.length) return
    const arrays = this.columns.map((_, i) => this.rows.map((r) => r[i] ?? null))
    const cols = this.columns.map(([c]) => `"${c}"`).join(", ")
    const params = this.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ")
    await client.query(`insert into "${this.name}" (${cols}) select * from unnest(${params})`, arrays)
    this.rows = []
  }
}

function tables() {
  return {
    producer: new Table("ocop_producer", [
      ["id", "text"],
      ["name", "text"],
      ["handle", "text"],
      ["entity_type", "text"],
      ["province_code", "text"],
      ["former_province_code", "text"],
      ["ward", "text"],
      ["address", "text"],
      ["phone", "text"],
      ["email", "text"],
      ["story", "text"],
      ["status", "text"],
      ["status_reason", "text"],
    ]),
    product: new Table("product", [
      ["id", "text"],
      ["title", "text"],
      ["handle", "text"],
      ["subtitle", "text"],
      ["description", "text"],
      ["status", "text"],
      ["thumbnail", "text"],
      ["origin_country", "text"],
      ["metadata", "jsonb"],
    ]),
    image: new Table("image", [
      ["id", "text"],
      ["url", "text"],
      ["rank", "int4"],
      ["product_id", "text"],
    ]),
    option: new Table("product_option", [
      ["id", "text"],
      ["title", "text"],
      ["is_exclusive", "bool"],
    ]),
    productOption: new Table("product_product_option", [
      ["id", "text"],
      ["product_id", "text"],
      ["product_option_id", "text"],
    ]),
    optionValue: new Table("product_option_value", [
      ["id", "text"],
      ["value", "text"],
      ["option_id", "text"],
      ["rank", "int4"],
    ]),
    productOptionValue: new Table("product_product_option_value", [
      ["id", "text"],
      ["product_product_option_id", "text"],
      ["product_option_value_id", "text"],
    ]),
    variant: new Table("product_variant", [
      ["id", "text"],
      ["title", "text"],
      ["sku", "text"],
      ["manage_inventory", "bool"],
      ["allow_backorder", "bool"],
      ["variant_rank", "int4"],
      ["product_id", "text"],
    ]),
    variantOption: new Table("product_variant_option", [
      ["variant_id", "text"],
      ["option_value_id", "text"],
    ]),
    priceSet: new Table("price_set", [["id", "text"]]),
    price: new Table("price", [
      ["id", "text"],
      ["price_set_id", "text"],
      ["currency_code", "text"],
      ["raw_amount", "jsonb"],
      ["rules_count", "int4"],
      ["amount", "numeric"],
    ]),
    variantPriceSet: new Table("product_variant_price_set", [
      ["id", "varchar"],
      ["variant_id", "varchar"],
      ["price_set_id", "varchar"],
    ]),
    inventoryItem: new Table("inventory_item", [
      ["id", "text"],
      ["sku", "text"],
      ["title", "text"],
      ["description", "text"],
      ["requires_shipping", "bool"],
    ]),
    inventoryLevel: new Table("inventory_level", [
      ["id", "text"],
      ["inventory_item_id", "text"],
      ["location_id", "text"],
      ["stocked_quantity", "numeric"],
      ["reserved_quantity", "numeric"],
      ["incoming_quantity", "numeric"],
      ["raw_stocked_quantity", "jsonb"],
      ["raw_reserved_quantity", "jsonb"],
      ["raw_incoming_quantity", "jsonb"],
    ]),
    variantInventory: new Table("product_variant_inventory_item", [
      ["id", "varchar"],
      ["variant_id", "varchar"],
      ["inventory_item_id", "varchar"],
      ["required_quantity", "numeric"],
    ]),
    shippingProfile: new Table("product_shipping_profile", [
      ["id", "varchar"],
      ["product_id", "varchar"],
      ["shipping_profile_id", "varchar"],
    ]),
    producerLink: new Table("product_product_ocop_producer", [
      ["id", "varchar"],
      ["product_id", "varchar"],
      ["producer_id", "varchar"],
    ]),
    certification: new Table("ocop_certification", [
      ["id", "text"],
      ["product_id", "text"],
      ["producer_id", "text"],
      ["stars", "int4"],
      ["score", "int4"],
      ["score_parts", "jsonb"],
      ["group_slug", "text"],
      ["subgroup_slug", "text"],
      ["certificate_number", "text"],
      ["decision_number", "text"],
      ["decision_date", "timestamptz"],
      ["issuing_authority", "text"],
      ["province_code", "text"],
      ["legal_basis", "text"],
      ["valid_from", "timestamptz"],
      ["expires_at", "timestamptz"],
      ["status", "text"],
      ["recognition_type", "text"],
      ["traceability_code", "text"],
      ["potential_five_star", "bool"],
      ["reason", "text"],
      ["decided_by", "text"],
      ["decided_at", "timestamptz"],
      ["is_current", "bool"],
      ["previous_certification_id", "text"],
    ]),
    listing: new Table("ocop_product_listing", [
      ["id", "text"],
      ["product_id", "text"],
      ["producer_id", "text"],
      ["certification_id", "text"],
      ["listed", "bool"],
      ["blocked_reasons", "jsonb"],
      ["evaluated_at", "timestamptz"],
    ]),
    salesChannel: new Table("product_sales_channel", [
      ["id", "varchar"],
      ["product_id", "varchar"],
      ["sales_channel_id", "varchar"],
    ]),
  }
}

export type BulkResult = {
  created: number
  skipped: number
  producersCreated: number
  seconds: number
  rate: number
  listed: number
  drift: number
  sampled: number
}

export async function generateBulk(
  container: Container,
  setup: StoreSetup,
  {
    count,
    seed,
    quiet,
    log,
    images = true,
    now = new Date(),
  }: { count: number; seed: string; quiet: boolean; log: Log; images?: boolean; now?: Date }
): Promise<BulkResult> {
  const t0 = Date.now()
  const plan = planCatalogue({ count, seed, now })
  log(
    `generator: planned ${count.toLocaleString("en-US")} products from ${plan.producers.length.toLocaleString("en-US")} producers (seed "${seed}", tag ${plan.seedTag}) in ${formatDuration((Date.now() - t0) / 1000)}`
  )

  const client = new Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    // What exists already (re-runs skip it).
    const existingProducts = new Set<string>()
    const existingProducers = new Map<string, string>()
    for (let i = 0; i < plan.products.length; i += 20000) {
      const handles = plan.products.slice(i, i + 20000).map((p) => p.handle)
      const { rows } = await client.query(
        "select handle from product where handle = any($1::text[]) and deleted_at is null",
        [handles]
      )
      for (const r of rows) existingProducts.add(r.handle)
    }
    for (let i = 0; i < plan.producers.length; i += 20000) {
      const handles = plan.producers.slice(i, i + 20000).map((p) => p.handle)
      const { rows } = await client.query(
        "select id, handle from ocop_producer where handle = any($1::text[]) and deleted_at is null",
        [handles]
      )
      for (const r of rows) existingProducers.set(r.handle, r.id)
    }
    const todo = plan.products.filter((p) => !existingProducts.has(p.handle))
    if (existingProducts.size)
      log(`generator: ${existingProducts.size.toLocaleString("en-US")} of these products exist already and are skipped`)
    if (!todo.length) {
      log("generator: nothing to add")
      return {
        created: 0,
        skipped: existingProducts.size,
        producersCreated: 0,
        seconds: 0,
        rate: 0,
        listed: 0,
        drift: 0,
        sampled: 0,
      }
    }

    const producerIds = new Map<number, string>()
    for (const p of plan.producers) {
      const existing = existingProducers.get(p.handle)
      if (existing) producerIds.set(p.index, existing)
    }
    const baseUrl = imageBaseUrl()
    const progress = createProgress(todo.length, "[seed] products", { quiet })
    let producersCreated = 0
    let listed = 0
    const t = tables()
    const started = Date.now()
    for (let b = 0; b < todo.length; b += BATCH) {
      const batch = todo.slice(b, b + BATCH)
      for (const p of batch) {
        const producer = plan.producers[p.producer]
        let producerId = producerIds.get(producer.index)
        if (!producerId) {
          producerId = id("opr")
          producerIds.set(producer.index, producerId)
          addProducer(t, producer, producerId)
          producersCreated++
        }
        if (addProduct(t, p, producer, producerId, setup, images ? baseUrl : null, now)) listed++
      }
      await client.query("begin")
      try {
        for (const table of Object.values(t)) await table.flush(client)
        await client.query("commit")
      } catch (error) {
        await client.query("rollback").catch(() => {})
        for (const table of Object.values(t)) table.rows = []
        throw error
      }
      progress.tick(batch.length)
    }
    const seconds = progress.finish()
    const rate = todo.length / seconds
    log(
      `generator: inserted ${todo.length.toLocaleString("en-US")} products (${listed.toLocaleString("en-US")} listed) and ${producersCreated.toLocaleString("en-US")} producers in ${formatDuration(seconds)} (${Math.round(rate).toLocaleString("en-US")} products/s)`
    )

    // Artwork files (outside the transaction: a missing file only costs an image).
    const ta = Date.now()
    if (images) {
      const art = createProgress(todo.length, "[seed] artwork", { quiet })
      for (let i = 0; i < todo.length; i++) {
        const p = todo[i]
        writeArtwork(
          p.handle,
          {
            name: p.title,
            name_en: p.title_en,
            group_slug: p.group_slug,
            stars: p.stars,
            province: p.province_name,
            unit: p.unit,
          },
          { baseUrl }
        )
        if (i % 1000 === 999 || i === todo.length - 1) art.tick(i % 1000 === 999 ? 1000 : (i % 1000) + 1)
      }
      art.finish()
      log(
        `generator: drew ${todo.length.toLocaleString("en-US")} SVG images in ${formatDuration((Date.now() - ta) / 1000)}`
      )
    }

    const tq = Date.now()
    await client.query(
      "analyze product, product_variant, price, price_set, product_variant_price_set, product_sales_channel, inventory_item, inventory_level, product_variant_inventory_item, ocop_certification, ocop_producer, ocop_product_listing, product_product_ocop_producer, image"
    )
    log(`generator: refreshed table statistics (analyze) in ${formatDuration((Date.now() - tq) / 1000)}`)

    const check = await verifySample(client, todo, setup, now)
    if (check.drift)
      log(
        `generator: WARNING — ${check.drift} of ${check.sampled} sampled products disagree with the listing gate: ${check.examples.join("; ")}`
      )
    else
      log(
        `generator: checked ${check.sampled} random products against the listing gate (evaluateListingGate): no drift`
      )
    log(
      `generator: total ${formatDuration((Date.now() - t0) / 1000)}. Search indexes were not notified (bulk rows bypass events): they need a reindex.`
    )
    return {
      created: todo.length,
      skipped: existingProducts.size,
      producersCreated,
      seconds,
      rate,
      listed,
      drift: check.drift,
      sampled: check.sampled,
    }
  } finally {
    await client.end()
  }
}

function addProducer(t: ReturnType<typeof tables>, p: ProducerPlan, producerId: string) {
  t.producer.push(
    producerId,
    p.name,
    p.handle,
    p.entity_type,
    p.province_code,
    formerProvinceCode(p.province_code, p.place),
    p.ward,
    p.address,
    p.phone,
    p.email,
    p.story,
    p.status,
    p.status === "suspended"
      ? "Tạm đình chỉ: vi phạm quy định ghi nhãn (dữ liệu mẫu)."
      : p.status === "pending"
        ? "Đang chờ duyệt hồ sơ."
        : null
  )
}

/** Adds one product's rows; returns whether the gate lists it. */
function addProduct(
  t: ReturnType<typeof tables>,
  p: ProductPlan,
  producer: ProducerPlan,
  producerId: string,
  setup: StoreSetup,
  baseUrl: string | null,
  now: Date
): boolean {
  const productId = id("prod")
  const url = baseUrl === null ? null : baseUrl + artworkPath(p.handle)
  t.product.push(
    productId,
    p.title,
    p.handle,
    `${p.province_name} · OCOP ${p.stars}★`,
    p.description,
    p.status,
    url,
    "vn",
    JSON.stringify({ title_en: p.title_en, description_en: p.description_en, unit: p.unit, ocop_generated: true })
  )
  if (url) t.image.push(id("img"), url, 0, productId)
  const optionId = id("opt")
  const valueId = id("optval")
  const productOptionId = id("prodopt")
  t.option.push(optionId, "Quy cách", true)
  t.productOption.push(productOptionId, productId, optionId)
  t.optionValue.push(valueId, p.unit, optionId, 0)
  t.productOptionValue.push(id("prodoptval"), productOptionId, valueId)
  const variantId = id("variant")
  t.variant.push(variantId, p.unit, p.sku, true, false, 0, productId)
  t.variantOption.push(variantId, valueId)
  const priceSetId = id("pset")
  t.priceSet.push(priceSetId)
  t.price.push(id("price"), priceSetId, "vnd", raw(p.price), 0, p.price)
  t.variantPriceSet.push(id("pvps"), variantId, priceSetId)
  const itemId = id("iitem")
  t.inventoryItem.push(itemId, p.sku, p.unit, p.unit, true)
  t.inventoryLevel.push(id("ilev"), itemId, setup.stockLocationId, p.stock, 0, 0, raw(p.stock), raw(0), raw(0))
  t.variantInventory.push(id("pvitem"), variantId, itemId, 1)
  t.shippingProfile.push(id("prodsp"), productId, setup.shippingProfileId)
  t.producerLink.push(id("link"), productId, producerId)

  let previous: string | null = null
  const certs = p.certifications.map((c) => {
    const certId = id("ocert")
    t.certification.push(
      certId,
      productId,
      producerId,
      c.stars,
      c.score,
      c.score_parts ? JSON.stringify(c.score_parts) : null,
      p.group_slug,
      p.subgroup_slug,
      c.certificate_number,
      c.decision_number,
      c.decision_date,
      c.issuing_authority,
      p.province_code,
      c.legal_basis,
      c.valid_from,
      c.expires_at,
      c.status,
      c.recognition_type,
      c.traceability_code,
      c.potential_five_star,
      c.reason,
      c.status === "submitted" ? null : "seed",
      c.decision_date,
      c.is_current,
      previous
    )
    previous = certId
    return { id: certId, status: c.status, stars: c.stars, valid_from: c.valid_from, expires_at: c.expires_at }
  })
  const verdict = evaluateListingGate({
    product_status: p.status,
    producer_status: producer.status,
    certifications: certs.filter((c) => c.status === "approved"),
    now,
  })
  t.listing.push(
    id("olst"),
    productId,
    producerId,
    verdict.certification_id,
    verdict.listed,
    JSON.stringify(verdict.reasons),
    now
  )
  if (verdict.listed) t.salesChannel.push(id("prodsc"), productId, setup.marketplaceChannelId)
  return verdict.listed
}

/** Re-reads a random sample from the database and runs the gate on it; counts disagreements. */
async function verifySample(client: Client, todo: ProductPlan[], setup: StoreSetup, now: Date) {
  const size = Math.min(500, todo.length)
  const step = todo.length / size
  const handles = Array.from({ length: size }, (_, i) => todo[Math.floor(i * step)].handle)
  const { rows } = await client.query(
    `select p.id, p.status as product_status, pr.status as producer_status,
            exists(select 1 from product_sales_channel psc where psc.product_id = p.id and psc.sales_channel_id = $2 and psc.deleted_at is null) as in_channel,
            l.listed as listing_row,
            coalesce((select json_agg(json_build_object('id', c.id, 'status', c.status, 'stars', c.stars, 'valid_from', c.valid_from, 'expires_at', c.expires_at))
                      from ocop_certification c where c.product_id = p.id and c.deleted_at is null), '[]') as certs
       from product p
       left join product_product_ocop_producer pp on pp.product_id = p.id and pp.deleted_at is null
       left join ocop_producer pr on pr.id = pp.producer_id
       left join ocop_product_listing l on l.product_id = p.id and l.deleted_at is null
      where p.handle = any($1::text[])`,
    [handles, setup.marketplaceChannelId]
  )
  const examples: string[] = []
  let drift = 0
  for (const r of rows) {
    const verdict = evaluateListingGate({
      product_status: r.product_status,
      producer_status: r.producer_status,
      certifications: (r.certs as any[]).filter((c) => c.status === "approved"),
      now,
    })
    if (verdict.listed !== r.in_channel || verdict.listed !== r.listing_row) {
      drift++
      if (examples.length < 3)
        examples.push(
          `${r.id}: gate says ${verdict.listed ? "listed" : "not listed"}, channel ${r.in_channel}, listing row ${r.listing_row}`
        )
    }
  }
  return { sampled: rows.length, drift, examples }
}
