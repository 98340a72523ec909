import type { CardFacts, ProductSummary } from "~/lib/backend/views";
import { ProductCard } from "./ProductCard";

export function ProductGrid({
  products,
  listings,
  eager = 0,
  priority = 0,
}: {
  products: ProductSummary[];
  listings: Record<string, CardFacts>;
  /** How many first images load at once (the largest paint above the fold is one of them). */
  eager?: number;
  /** How many of those are fetched before any other image (the first row on a phone: the page's LCP). */
  priority?: number;
}) {
  return (
    <ul className="grid grid-cols-2 gap-4 sm:gap-6 md:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id} className="flex">
          <ProductCard product={p} listing={listings[p.id]} eager={i < eager} priority={i < priority} />
        </li>
      ))}
    </ul>
  );
}
