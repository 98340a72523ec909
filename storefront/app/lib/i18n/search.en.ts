import type { viSearch } from "./search.vi";

/** English UI text of the search, verification and certificate QR area. */
export const enSearch: Record<keyof typeof viSearch, string> = {
  "search.includesCorrected": "Results include close spellings. Search exactly:",
  "search.showFilters": "Show filters",
  "search.formerNote": "{former} is now part of {name}",
};
