import { useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";

/** A VND price; "Từ …" when variants differ; a clear note when there is no price. */
export function Price({
  amount,
  varies = false,
  className = "",
}: {
  amount: number | null | undefined;
  varies?: boolean;
  className?: string;
}) {
  const tr = useT();
  if (amount === null || amount === undefined) {
    return <span className={`text-sm text-ink-soft ${className}`}>{tr("price.unavailable")}</span>;
  }
  const text = formatVnd(amount);
  return (
    <span className={`font-semibold tabular-nums text-lacquer-700 ${className}`} data-testid="price">
      {varies ? tr("price.from", { price: text }) : text}
    </span>
  );
}
