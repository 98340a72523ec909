import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/** The locale our English content is stored under (seed/src/translations.ts, decision 014). */
export const ENGLISH_CONTENT_LOCALE = "en-US"

export type SaveProductEnglishInput = {
  product_id?: string | null
  /** Left out: unchanged; null or empty: removed. */
  title_en?: string | null
  description_en?: string | null
}

type TranslationRow = { id: string; translations: Record<string, unknown> | null }
type TranslationService = {
  listTranslations(filters: object, config?: object): Promise<TranslationRow[]>
  createTranslations(rows: object[]): Promise<TranslationRow[]>
  updateTranslations(rows: object[]): Promise<unknown>
  deleteTranslations(ids: string[]): Promise<void>
}
type Undo = {
  created?: string
  restored?: { id: string; translations: Record<string, unknown> }
  /** A row the step deleted, to create again. */
  deleted?: { reference: string; reference_id: string; locale_code: string; translations: Record<string, unknown> }
} | null

const FIELDS = [
  ["title_en", "title"],
  ["description_en", "description"],
] as const

/**
 * The producer's English title and description, into Medusa's Translation Module when it is on
 * (decision 014: what the /en pages show). The product metadata keeps them too (the search index
 * reads them). Without the module (feature flag off) this does nothing. Compensation puts the
 * previous row back, or removes the one it created.
 */
export const saveProductEnglishStep = createStep(
  "ocop-save-product-english",
  async (input: SaveProductEnglishInput, { container }) => {
    const sent = FIELDS.filter(([from]) => input[from] !== undefined)
    if (!input.product_id || !sent.length) return new StepResponse(null, null as Undo)
    const translation = container.resolve(Modules.TRANSLATION, { allowUnregistered: true }) as
      | TranslationService
      | undefined
    if (!translation) return new StepResponse(null, null as Undo)
    const [row] = await translation.listTranslations(
      { reference: "product", reference_id: input.product_id, locale_code: ENGLISH_CONTENT_LOCALE },
      { take: 1 }
    )
    const before = { ...(row?.translations ?? {}) }
    const after: Record<string, unknown> = { ...before }
    for (const [from, to] of sent) {
      const value = input[from]?.trim()
      if (value) after[to] = value
      else delete after[to]
    }
    if (!row) {
      if (!Object.keys(after).length) return new StepResponse(null, null as Undo)
      const [created] = await translation.createTranslations([
        {
          reference: "product",
          reference_id: input.product_id,
          locale_code: ENGLISH_CONTENT_LOCALE,
          translations: after,
        },
      ])
      return new StepResponse(null, { created: created.id } as Undo)
    }
    if (!Object.keys(after).length) {
      // Nothing English left: the row goes, so the pages fall back to the Vietnamese text.
      await translation.deleteTranslations([row.id])
      const deleted = {
        reference: "product",
        reference_id: input.product_id,
        locale_code: ENGLISH_CONTENT_LOCALE,
        translations: before,
      }
      return new StepResponse(null, { deleted } as Undo)
    }
    await translation.updateTranslations([{ id: row.id, translations: after }])
    return new StepResponse(null, { restored: { id: row.id, translations: before } } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const translation = container.resolve(Modules.TRANSLATION, { allowUnregistered: true }) as
      | TranslationService
      | undefined
    if (!translation) return
    if (undo.created) await translation.deleteTranslations([undo.created])
    if (undo.restored) await translation.updateTranslations([undo.restored])
    if (undo.deleted) await translation.createTranslations([undo.deleted])
  }
)
