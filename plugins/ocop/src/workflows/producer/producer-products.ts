import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createProductsWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { attachProductToProducerWorkflow } from "./attach-product-to-producer"
import { toHandle } from "../../lib/vietnamese"
import { defaultShippingProfileStep } from "../steps/default-shipping-profile"
import { checkPublishStep } from "../steps/check-producer-publish"
import { setVariantStockStep } from "../steps/set-variant-stock"
import { saveProductEnglishStep } from "../steps/save-product-english"

/** Photos as resolved from the producer's uploads (relative URLs, see lib/uploads.ts), in display order. */
export type ProductPhoto = { url: string; alt: string | null }

/** The product facts a producer edits besides title, price and status. */
export type ProducerProductDetails = {
  title_en?: string | null
  description?: string
  description_en?: string | null
  unit?: string | null
  weight?: number | null
  group_slug?: string | null
  subgroup_slug?: string | null
  images?: ProductPhoto[]
  /** Units in stock at the marketplace location (decision 019); left out, the stock is not changed. */
  stock?: number
}

export type ProducerProductInput = ProducerProductDetails & {
  producer_id: string
  title: string
  price: number
}

const DETAIL_KEYS = ["title_en", "description_en", "unit", "group_slug", "subgroup_slug"] as const

/** Medusa's image rows (alt text kept in each image's metadata) and the thumbnail (the first photo). */
function photoFields(images: ProductPhoto[] | undefined) {
  if (images === undefined) return {}
  return {
    images: images.map((i) => ({ url: i.url, metadata: i.alt ? { alt: i.alt } : null })),
    thumbnail: images[0]?.url ?? null,
  }
}

/** Product metadata after an edit: only the detail fields sent change (null clears one). */
function detailMetadata(input: ProducerProductDetails, before: Record<string, unknown> = {}) {
  const metadata: Record<string, unknown> = { ...before }
  for (const key of DETAIL_KEYS) if (input[key] !== undefined) metadata[key] = input[key] || null
  if (input.images !== undefined) {
    metadata.image_alts = Object.fromEntries(input.images.filter((i) => i.alt).map((i) => [i.url, i.alt]))
  }
  return metadata
}

/** A producer creates a listing draft (one variant, VND price); it is listed only once certified. */
export const createProducerProductWorkflow = createWorkflow(
  "ocop-create-producer-product",
  (input: ProducerProductInput) => {
    const shippingProfileId = defaultShippingProfileStep()
    const products = transform({ input, shippingProfileId }, ({ input, shippingProfileId }) => [
      {
        title: input.title,
        handle: `${toHandle(input.title)}-${Date.now().toString(36)}`,
        description: input.description,
        status: "draft" as const,
        shipping_profile_id: shippingProfileId,
        weight: input.weight ?? undefined,
        ...photoFields(input.images),
        metadata: detailMetadata(input),
        options: [{ title: "Quy cách", values: [input.unit || "Mặc định"] }],
        variants: [
          {
            title: input.unit || "Mặc định",
            options: { "Quy cách": input.unit || "Mặc định" },
            // Without a stock figure the variant is not tracked (always available), as before stock existed.
            manage_inventory: input.stock !== undefined,
            prices: [{ amount: input.price, currency_code: "vnd" }],
          },
        ],
      },
    ])
    const created = createProductsWorkflow.runAsStep({ input: { products } as any })
    type Created = Array<{ id: string; variants?: Array<{ id: string }> }>
    const attachInput = transform({ created, input }, ({ created, input }) => ({
      product_id: (created as any)[0].id,
      producer_id: input.producer_id,
      actor_type: "producer",
      actor_id: input.producer_id,
    }))
    attachProductToProducerWorkflow.runAsStep({ input: attachInput })
    const stock = transform({ created, input }, ({ created, input }) => ({
      variant_id: (created as unknown as Created)[0].variants?.[0]?.id,
      stocked_quantity: input.stock,
    }))
    setVariantStockStep(stock)
    const english = transform({ created, input }, ({ created, input }) => ({
      product_id: (created as unknown as Created)[0].id,
      title_en: input.title_en,
      description_en: input.description_en,
    }))
    saveProductEnglishStep(english)
    const result = transform({ created }, ({ created }) => (created as any)[0])
    return new WorkflowResponse(result)
  }
)

/**
 * Edit title, description, price, details and photos; publishing is refused (400, with the reason)
 * while the gate would refuse it.
 */
export const updateProducerProductWorkflow = createWorkflow(
  "ocop-update-producer-product",
  (
    input: ProducerProductDetails & {
      product_id: string
      title?: string
      status?: "draft" | "published"
      price?: number
      variant_id?: string
      /** The product's metadata before the edit (read by the route), so other keys are kept. */
      metadata_before?: Record<string, unknown> | null
    }
  ) => {
    checkPublishStep({ product_id: input.product_id, status: input.status })
    const update = transform({ input }, ({ input }) => {
      const u: Record<string, unknown> = { ...photoFields(input.images) }
      if (input.title !== undefined) u.title = input.title
      if (input.description !== undefined) u.description = input.description
      if (input.status !== undefined) u.status = input.status
      if (input.weight !== undefined) u.weight = input.weight
      if (DETAIL_KEYS.some((k) => input[k] !== undefined) || input.images !== undefined)
        u.metadata = detailMetadata(input, input.metadata_before ?? {})
      return { selector: { id: input.product_id }, update: u }
    })
    updateProductsWorkflow.runAsStep({ input: update as any })
    // One variant update: a new price, and stock tracking turned on the first time a figure is sent
    // (Medusa then makes the variant's inventory item).
    const variantUpdate = transform({ input }, ({ input }) => {
      const update: Record<string, unknown> = {}
      if (input.price !== undefined) update.prices = [{ amount: input.price, currency_code: "vnd" }]
      if (input.stock !== undefined) update.manage_inventory = true
      return input.variant_id && Object.keys(update).length
        ? { selector: { id: input.variant_id }, update }
        : { selector: { id: "__none__" }, update: {} }
    })
    updateProductVariantsWorkflow.runAsStep({ input: variantUpdate as any })
    const stock = transform({ input }, ({ input }) => ({
      variant_id: input.variant_id,
      stocked_quantity: input.stock,
    }))
    setVariantStockStep(stock)
    const english = transform({ input }, ({ input }) => ({
      product_id: input.product_id,
      title_en: input.title_en,
      description_en: input.description_en,
    }))
    saveProductEnglishStep(english)
    return new WorkflowResponse({ id: input.product_id })
  }
)
