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

export type ProducerProductInput = {
  producer_id: string
  title: string
  title_en?: string
  description?: string
  unit?: string
  price: number
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
        metadata: { title_en: input.title_en ?? null, unit: input.unit ?? null },
        options: [{ title: "Quy cách", values: [input.unit || "Mặc định"] }],
        variants: [
          {
            title: input.unit || "Mặc định",
            options: { "Quy cách": input.unit || "Mặc định" },
            manage_inventory: false,
            prices: [{ amount: input.price, currency_code: "vnd" }],
          },
        ],
      },
    ])
    const created = createProductsWorkflow.runAsStep({ input: { products } as any })
    const attachInput = transform({ created, input }, ({ created, input }) => ({
      product_id: (created as any)[0].id,
      producer_id: input.producer_id,
      actor_type: "producer",
      actor_id: input.producer_id,
    }))
    attachProductToProducerWorkflow.runAsStep({ input: attachInput })
    const result = transform({ created }, ({ created }) => (created as any)[0])
    return new WorkflowResponse(result)
  }
)

/** Edit title, description, price; publishing is refused (400, with the reason) while the gate would refuse it. */
export const updateProducerProductWorkflow = createWorkflow(
  "ocop-update-producer-product",
  (input: {
    product_id: string
    title?: string
    description?: string
    status?: "draft" | "published"
    price?: number
    variant_id?: string
  }) => {
    checkPublishStep({ product_id: input.product_id, status: input.status })
    const update = transform({ input }, ({ input }) => {
      const u: Record<string, unknown> = {}
      if (input.title !== undefined) u.title = input.title
      if (input.description !== undefined) u.description = input.description
      if (input.status !== undefined) u.status = input.status
      return { selector: { id: input.product_id }, update: u }
    })
    updateProductsWorkflow.runAsStep({ input: update as any })
    const priceUpdate = transform({ input }, ({ input }) =>
      input.price !== undefined && input.variant_id
        ? { selector: { id: input.variant_id }, update: { prices: [{ amount: input.price, currency_code: "vnd" }] } }
        : { selector: { id: "__none__" }, update: {} }
    )
    updateProductVariantsWorkflow.runAsStep({ input: priceUpdate as any })
    return new WorkflowResponse({ id: input.product_id })
  }
)
