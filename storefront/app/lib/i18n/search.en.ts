import type { viSearch } from "./search.vi";

/** English UI text of the search, verification and certificate QR area. */
export const enSearch: Record<keyof typeof viSearch, string> = {
  "search.includesCorrected": "Results include close spellings. Search for:",
  "search.showFilters": "Show filters",
  "search.formerNote": "{former} is now part of {name}",
  "qr.alt": "QR code to verify OCOP certificate {code}",
  "qr.caption": "Scan it with a phone to check the certificate on the public verification page.",
  "verify.product": "Product",
  "verify.scan": "Certificate photo",
  "verify.scanAlt": "Photo of OCOP certificate {code}",
  "verify.notListed": "(not currently sold on the OCOP Marketplace)",
};
