import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n";

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, pages, search }: { page: number; pages: number; search: URLSearchParams }) {
  const tr = useT();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const next = new URLSearchParams(search);
    if (p <= 1) next.delete("page");
    else next.set("page", String(p));
    const qs = next.toString();
    return qs ? `?${qs}` : ".";
  };
  const linkClass =
    "rounded-lg border border-clay bg-white px-4 py-2 text-sm font-medium hover:bg-paper-deep aria-disabled:pointer-events-none aria-disabled:opacity-40";
  return (
    <nav aria-label={tr("pagination.label")} className="mt-10 flex items-center justify-center gap-4">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className={linkClass} prefetch="intent">
          ← {tr("pagination.prev")}
        </Link>
      ) : (
        <span aria-disabled="true" className={linkClass}>
          ← {tr("pagination.prev")}
        </span>
      )}
      <span className="text-sm text-ink-soft" aria-current="page">
        {tr("pagination.status", { page, pages })}
      </span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next" className={linkClass} prefetch="intent">
          {tr("pagination.next")} →
        </Link>
      ) : (
        <span aria-disabled="true" className={linkClass}>
          {tr("pagination.next")} →
        </span>
      )}
    </nav>
  );
}

/** `?page=` as a positive integer (bad values mean page 1). */
export function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
