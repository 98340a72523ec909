/** Fixture products for the contract suite: ProductSource rows, mapped by the real mapper. */
import type { ProductSource } from "../lib/document"

type P = Partial<ProductSource> & {
  id: string
  title: string
  stars: number
  province: string
  group: string
  subgroup?: string
  price: number
  producer_type?: string
  producer?: string
}

export function product(p: P): ProductSource {
  return {
    id: p.id,
    handle: p.id.replace(/^prod_/, ""),
    title: p.title,
    description: p.description ?? `${p.title} — sản phẩm OCOP ${p.stars} sao.`,
    thumbnail: null,
    status: "published",
    metadata: p.metadata ?? null,
    created_at: p.created_at ?? "2025-01-01T00:00:00Z",
    variants: [{ manage_inventory: false, prices: [{ amount: p.price, currency_code: "vnd" }] }],
    producer: {
      handle: (p.producer ?? "htx-" + p.id).toLowerCase(),
      name: p.producer ?? `HTX ${p.title}`,
      entity_type: p.producer_type ?? "cooperative",
      province_code: p.province,
      status: "active",
    },
    certification: {
      stars: p.stars,
      group_slug: p.group,
      subgroup_slug: p.subgroup ?? null,
      province_code: p.province,
    },
    listed: p.listed ?? true,
  }
}
