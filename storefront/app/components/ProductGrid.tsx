import type { CardFacts, ProductSummary } from "~/lib/backend/views";
import { ProductCard } from "./ProductCard";

export function ProductGrid({
  products,
  listings,
  eager = 0,
}: {
  products: ProductSummary[];
  listings: Record<string, CardFacts>;
  /** How many first images load at once (the largest paint above the fold is one of them). */
  eager?: number;
}) {
  return (
    <ul className="grid grid-cols-2 gap-4 sm:gap-6 md:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id} className="flex">
          <ProductCard product={p} listing={listings[p.id]} eager={i < eager} />
        </li>
      ))}
    </ul>
  );
}
