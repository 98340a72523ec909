/**
 * Links the backend sends people to (emails): the storefront's address from STOREFRONT_URL
 * (`npm start` and the test runner set it; local default http://localhost:3000).
 */
export function storefrontUrl(path: string): string {
  const base = (process.env.STOREFRONT_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "")
  return `${base}${path}`
}
