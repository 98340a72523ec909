import { useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";

/** One producer's part of an order: its items, its own delivery fee (one delivery per producer), its sum. */
export function OrderPartAmounts({ subtotal, shipping }: { subtotal: number; shipping: number }) {
  const tr = useT();
  return (
    <dl className="mt-2 space-y-1 border-t border-clay/60 pt-2 text-sm" data-testid="part-amounts">
      <div className="flex justify-between gap-4 text-ink-soft">
        <dt>{tr("order.partItems")}</dt>
        <dd className="tabular-nums" data-testid="part-items">
          {formatVnd(subtotal)}
        </dd>
      </div>
      <div className="flex justify-between gap-4 text-ink-soft">
        <dt>{tr("order.partDelivery")}</dt>
        <dd className="tabular-nums" data-testid="part-delivery">
          {formatVnd(shipping)}
        </dd>
      </div>
      <div className="flex justify-between gap-4 font-semibold">
        <dt>{tr("order.partTotal")}</dt>
        <dd className="tabular-nums">{formatVnd(subtotal + shipping)}</dd>
      </div>
    </dl>
  );
}
