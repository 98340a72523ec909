import type { SearchTypes } from "@medusajs/framework/types"

/** What the Search Module hands a provider to write: Medusa's own declaration, not a copy of it. */
export type UpsertDocumentsInput = Parameters<SearchTypes.ISearchProvider["upsertDocuments"]>[0]
