import { AmountRow } from "~/components/AmountRow";
import { useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";

/** One producer's part of an order: its items, its own delivery fee (one delivery per producer), its sum. */
export function OrderPartAmounts({ subtotal, shipping }: { subtotal: number; shipping: number }) {
  const tr = useT();
  // the total stands out, the amounts it adds up stay soft
  return (
    <dl className="mt-2 space-y-1 border-t border-clay/60 pt-2 text-sm" data-testid="part-amounts">
      <AmountRow label={tr("order.partItems")} testId="part-items" className="gap-4 text-ink-soft">
        {formatVnd(subtotal)}
      </AmountRow>
      <AmountRow label={tr("order.partDelivery")} testId="part-delivery" className="gap-4 text-ink-soft">
        {formatVnd(shipping)}
      </AmountRow>
      <AmountRow label={tr("order.partTotal")} className="gap-4 font-semibold">
        {formatVnd(subtotal + shipping)}
      </AmountRow>
    </dl>
  );
}
