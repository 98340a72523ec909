/**
 * What the OCOP search route calls (the Search Module's `search`, lib/ocop-search.ts) answered by one
 * provider directly: the route's query (`filters` with its `q`, `fields`, `pagination`,
 * `search_options`) turned into the provider's input for this index. The provider benches time the
 * route's own work without HTTP.
 */
export function searchModuleOver(provider, index) {
  return {
    search: (query) => {
      const { q, ...filters } = query.filters ?? {}
      return provider.search({
        index,
        attributes_to_retrieve: query.fields,
        q,
        filters: Object.keys(filters).length ? filters : undefined,
        pagination: query.pagination,
        search_options: query.search_options,
      })
    },
  }
}
