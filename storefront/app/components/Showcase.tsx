import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate, useLang, useT } from "~/lib/i18n";
import type { ShowcaseList } from "~/lib/backend/showcase.server";
import type { CardFacts, ProductSummary } from "~/lib/backend/views";
import { ProductGrid } from "./ProductGrid";

/** A titled shop-front section; `id` names its heading for aria-labelledby and in-page links. */
export function ShelfSection({
  id,
  title,
  note,
  more,
  children,
  testId,
}: {
  id: string;
  title: string;
  note?: ReactNode;
  more?: { to: string; label: string };
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section aria-labelledby={id} className="mt-10 first:mt-0" data-testid={testId}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={id} className="font-display text-2xl font-bold text-ink">
          {title}
        </h2>
        {more ? (
          <Link to={more.to} className="text-sm font-medium text-lacquer-700 underline underline-offset-2">
            {more.label}
          </Link>
        ) : null}
      </div>
      {note ? <p className="-mt-2 mb-4 text-sm text-ink-soft">{note}</p> : null}
      {children}
    </section>
  );
}

/** "12/03/2026 – 30/03/2026", "Đến hết …", "Từ …", or nothing for an undated list. */
export function CampaignDates({ list }: { list: Pick<ShowcaseList, "starts_at" | "ends_at"> }) {
  const tr = useT();
  const lang = useLang();
  const from = list.starts_at ? formatDate(list.starts_at, lang) : null;
  // ends_at is exclusive: the last day shown is the day before it ends
  const to = list.ends_at ? formatDate(new Date(new Date(list.ends_at).getTime() - 1), lang) : null;
  const text =
    from && to
      ? tr("discovery.campaignDates", { from, to })
      : to
        ? tr("discovery.campaignUntil", { to })
        : from
          ? tr("discovery.campaignFrom", { from })
          : null;
  if (!text) return null;
  return (
    <span data-testid="campaign-dates">
      <time dateTime={list.starts_at ?? undefined}>{text}</time>
    </span>
  );
}

/** Curated lists (featured or campaigns), each a titled grid; dated lists show their dates. */
export function CuratedLists({
  lists,
  prefix,
  dated = false,
  limit = 8,
}: {
  lists: ShowcaseList[];
  prefix: string;
  dated?: boolean;
  /** cards per list (a province or group page keeps its search results close to the top) */
  limit?: number;
}) {
  return (
    <>
      {lists.map((list, i) => (
        <ShelfSection
          key={list.id}
          id={`${prefix}-${i}`}
          title={list.title}
          note={dated ? <CampaignDates list={list} /> : undefined}
          testId={dated ? "campaign" : "featured-list"}
        >
          <ProductGrid products={list.products.slice(0, limit)} listings={list.facts} />
        </ShelfSection>
      ))}
    </>
  );
}

export function ProductShelf({
  id,
  title,
  shelf,
  more,
  testId,
}: {
  id: string;
  title: string;
  shelf: { products: ProductSummary[]; facts: Record<string, CardFacts> };
  more?: { to: string; label: string };
  testId?: string;
}) {
  if (!shelf.products.length) return null;
  return (
    <ShelfSection id={id} title={title} more={more} testId={testId}>
      <ProductGrid products={shelf.products} listings={shelf.facts} />
    </ShelfSection>
  );
}
