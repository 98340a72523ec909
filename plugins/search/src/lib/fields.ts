import type { SearchTypes } from "@medusajs/framework/types"
import { search } from "@medusajs/framework/utils"

/**
 * Fields of the `ocop_product` index. Searchable weights: 3 = title (exact-accent ranking
 * runs on weights ≥ 2), 2 = producer/province/group names, 1 = descriptions.
 */
export const ocopProductFields = search.define({
  id: search.keyword().filterable(),
  handle: search.keyword(),
  title: search.text().searchable({ weight: 3 }),
  title_en: search.text().searchable({ weight: 2 }),
  description: search.text().searchable({ weight: 1 }),
  description_en: search.text().searchable({ weight: 1 }),
  thumbnail: search.keyword(),
  producer_name: search.text().searchable({ weight: 2 }),
  producer_handle: search.keyword().filterable(),
  producer_type: search.keyword().filterable().facetable(),
  province_code: search.keyword().filterable(),
  province_slug: search.keyword().filterable().facetable(),
  province_name: search.text().searchable({ weight: 2 }),
  origin_former_slug: search.keyword().filterable(),
  // above the unit's other former names (weight 2): a former name ranks its own products first
  origin_former_name: search.text().searchable({ weight: 3 }),
  former_province_names: search.text().array().searchable({ weight: 2 }),
  group_slug: search.keyword().filterable().facetable(),
  group_name: search.text().searchable({ weight: 2 }),
  subgroup_slug: search.keyword().filterable().facetable(),
  subgroup_name: search.text().searchable({ weight: 2 }),
  stars: search
    .integer()
    .filterable()
    .sortable()
    .facetable({ types: ["value"] }),
  min_price: search
    .integer()
    .filterable()
    .sortable()
    .facetable({ types: ["stats", "range"] }),
  in_stock: search.boolean().filterable(),
  created_at: search.date().filterable().sortable(),
  text_folded: search.text().searchable({ weight: 0 }).retrievable(false),
})

export const OCOP_PRODUCT_SETTINGS = {
  typo_tolerance: {
    enabled: true,
    min_word_size_for_one_typo: 4,
    min_word_size_for_two_typos: 8,
    disabled_on_attributes: ["handle"],
  },
}

/**
 * The `ocop_product` index as the Search Module hands it to a provider, for code that drives the
 * provider without the module (its tests, bench/search-provider.mjs): nothing to seed from.
 */
export function resolvedOcopProductIndex(
  physicalName: string,
  definitionHash: string
): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "ocop_product",
    entity: "product",
    fields: ocopProductFields.toFields(),
    primary_key: "id",
    provider: "ocop-postgres",
    settings: OCOP_PRODUCT_SETTINGS,
    definition_hash: definitionHash,
    physical_name: physicalName,
    seed: async function* () {},
  }
}
