export * from "./commission-rate"
export * from "./cash-collection"
export * from "./payout"
