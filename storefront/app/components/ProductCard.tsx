import { Link } from "@remix-run/react";
import { useLang, useT } from "~/lib/i18n";
import type { CardFacts, ProductSummary } from "~/lib/backend/views";
import { Price } from "./Price";
import { ProductImage } from "./ProductImage";
import { StarRating } from "./StarRating";

/** How wide a card's image is shown: ProductGrid's 2 / 3 / 4 columns in Container (at most 72 rem). */
const CARD_IMAGE_SIZES = "(min-width: 1152px) 260px, (min-width: 1024px) 25vw, (min-width: 768px) 33vw, 50vw";

/**
 * One product in a grid. The title link is stretched over the whole card, so
 * the card is one click target but screen readers hear the title once.
 */
export function ProductCard({
  product,
  listing,
  eager = false,
  priority = false,
}: {
  product: ProductSummary;
  listing?: CardFacts | null;
  eager?: boolean;
  /** this card's image is the page's largest paint (lib ProductImage) */
  priority?: boolean;
}) {
  const lang = useLang();
  const tr = useT();
  return (
    <article
      className="group relative flex w-full flex-col overflow-hidden rounded-xl border border-clay bg-white shadow-sm transition-shadow focus-within:ring-3 focus-within:ring-gold-400 hover:shadow-md"
      data-testid="product-card"
    >
      <ProductImage
        src={product.thumbnail}
        alt={product.title}
        className="aspect-square w-full"
        eager={eager}
        priority={priority}
        sizes={CARD_IMAGE_SIZES}
      />
      <div className="flex flex-1 flex-col gap-2 p-4">
        {listing ? (
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-ink-soft">
            {listing.stars ? <StarRating stars={listing.stars} size="sm" /> : null}
            {listing.province ? (
              <span>
                {listing.province.name_vi}
                {listing.province.former_name_vi && listing.province.former_name_vi !== listing.province.name_vi
                  ? ` (${tr("search.formerName", { former: listing.province.former_name_vi })})`
                  : null}
              </span>
            ) : null}
          </div>
        ) : null}
        <h3 className="text-base font-semibold leading-snug text-ink">
          <Link
            to={`/products/${product.handle}`}
            prefetch="intent"
            className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none group-hover:text-lacquer-700"
          >
            {product.title}
          </Link>
        </h3>
        {listing?.producer ? <p className="text-sm text-ink-soft">{listing.producer.name}</p> : null}
        {listing?.group ? (
          <p className="text-xs text-ink-soft">{lang === "vi" ? listing.group.name_vi : listing.group.name_en}</p>
        ) : null}
        <div className="mt-auto pt-1">
          <Price amount={product.price?.amount} varies={product.price?.varies} />
        </div>
      </div>
    </article>
  );
}
