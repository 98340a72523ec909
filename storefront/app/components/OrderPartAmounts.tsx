import { useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";

/** One producer's part of an order: its items, its own delivery fee (one delivery per producer), its sum. */
export function OrderPartAmounts({ subtotal, shipping }: { subtotal: number; shipping: number }) {
  const tr = useT();
  return (
    <dl className="mt-2 space-y-1 border-t border-clay/60 pt-2 text-sm" data-testid="part-amounts">
      <AmountRow label={tr("order.partItems")} amount={subtotal} testId="part-items" />
      <AmountRow label={tr("order.partDelivery")} amount={shipping} testId="part-delivery" />
      <AmountRow label={tr("order.partTotal")} amount={subtotal + shipping} total />
    </dl>
  );
}

/** A named amount in đồng; the total stands out, the amounts it adds up stay soft. */
function AmountRow({
  label,
  amount,
  testId,
  total = false,
}: {
  label: string;
  amount: number;
  testId?: string;
  total?: boolean;
}) {
  return (
    <div className={`flex justify-between gap-4 ${total ? "font-semibold" : "text-ink-soft"}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {formatVnd(amount)}
      </dd>
    </div>
  );
}
