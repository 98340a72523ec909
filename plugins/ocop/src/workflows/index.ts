export * from "./listing/refresh-listings"
