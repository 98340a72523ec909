import type { CardFacts, ProductSummary } from "~/lib/backend/views";
import { ProductCard } from "./ProductCard";

export function ProductGrid({
  products,
  listings,
}: {
  products: ProductSummary[];
  listings: Record<string, CardFacts>;
}) {
  return (
    <ul className="grid grid-cols-2 gap-4 sm:gap-6 md:grid-cols-3 lg:grid-cols-4">
      {products.map((p) => (
        <li key={p.id} className="flex">
          <ProductCard product={p} listing={listings[p.id]} />
        </li>
      ))}
    </ul>
  );
}
