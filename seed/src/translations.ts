/**
 * English content through Medusa's Translation Module (feature flag `translation`, see
 * docs/decisions/014-product-content-in-english.md): the demo products' titles and descriptions
 * (from the catalogue's title_en / description_en, which the products also keep in metadata) and
 * the delivery options' names. Keyed by locale "en-US"; the storefront asks for it on /en pages
 * (x-medusa-locale). Idempotent: entities that already have an en-US translation are left alone.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Log } from "./store-setup"

type Container = ExecArgs["container"]

export const ENGLISH_LOCALE = "en-US"

/** English names of the delivery options created by store-setup.ts (by their Vietnamese name). */
export const SHIPPING_OPTION_NAMES_EN: Record<string, string> = {
  "Giao hàng tiêu chuẩn": "Standard delivery",
  "Giao hàng nhanh": "Express delivery",
}

type Draft = { reference: string; reference_id: string; translations: Record<string, string> }

/** Translation rows for products that carry English text in their metadata. */
export function productTranslations(products: { id: string; metadata?: Record<string, unknown> | null }[]): Draft[] {
  return products.flatMap((p) => {
    const title = p.metadata?.title_en
    if (typeof title !== "string" || !title.trim()) return []
    const description = p.metadata?.description_en
    return [
      {
        reference: "product",
        reference_id: p.id,
        translations: {
          title: title.trim(),
          ...(typeof description === "string" && description.trim() ? { description: description.trim() } : {}),
        },
      },
    ]
  })
}

export async function seedEnglishContent(container: Container, productIds: string[], log: Log) {
  type TranslationService = {
    listTranslations(f: object, c: object): Promise<{ reference_id: string }[]>
    createTranslations(rows: (Draft & { locale_code: string })[]): Promise<unknown>
  }
  const translation = container.resolve(Modules.TRANSLATION, { allowUnregistered: true }) as
    | TranslationService
    | undefined
  if (!translation) {
    log("English content: the Translation Module is not enabled (featureFlags.translation); skipped")
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: products }, { data: options }] = await Promise.all([
    query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: productIds } }),
    query.graph({ entity: "shipping_option", fields: ["id", "name"] }),
  ])
  const drafts: Draft[] = [
    ...productTranslations(products as { id: string; metadata?: Record<string, unknown> | null }[]),
    ...(options as { id: string; name: string }[])
      .filter((o) => SHIPPING_OPTION_NAMES_EN[o.name])
      .map((o) => ({
        reference: "shipping_option",
        reference_id: o.id,
        translations: { name: SHIPPING_OPTION_NAMES_EN[o.name] },
      })),
  ]
  if (!drafts.length) return
  const existing = await translation.listTranslations(
    { reference_id: drafts.map((d) => d.reference_id), locale_code: ENGLISH_LOCALE },
    { select: ["reference_id"], take: null }
  )
  const have = new Set(existing.map((e) => e.reference_id))
  const todo = drafts.filter((d) => !have.has(d.reference_id)).map((d) => ({ ...d, locale_code: ENGLISH_LOCALE }))
  if (todo.length) await translation.createTranslations(todo)
  log(`English content: ${todo.length} translations written (${have.size} already there)`)
}
