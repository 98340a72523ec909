/** What the order pages share on both sides of the network: the part states and the carriers offered. */
export const PART_STATUSES = ["placed", "shipped", "delivered", "returned", "cancelled"] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

/** Carriers offered in the producer's shipping form (any other name may be typed). */
export const CARRIERS = ["GHN", "GHTK", "Viettel Post", "VNPost", "J&T Express", "Ninja Van", "Best Express"];
