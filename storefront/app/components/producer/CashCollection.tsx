import { Form } from "@remix-run/react";
import { Button } from "~/components/Button";
import { TextField } from "~/components/Field";
import { formatDate, useLang, useT, type MessageKey } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";

type Part = {
  id: string;
  part_status: string;
  cash_on_delivery: boolean;
  cash_to_collect: number;
  cash_collection?: { amount: number; collected_by: "producer" | "platform"; collected_at: string } | null;
};

/** A delivered cash-on-delivery part: what was collected and by whom, or the form to record it (issue 16). */
export function CashCollection({
  order: o,
  busy,
  error,
  value,
}: {
  order: Part;
  busy: boolean;
  error?: string;
  value?: string;
}) {
  const tr = useT();
  const lang = useLang();
  if (!o.cash_on_delivery || o.part_status !== "delivered") return null;
  if (o.cash_collection) {
    return (
      <p className="mt-2 text-sm text-bamboo-700" data-testid="cash-recorded">
        {tr("cod.recorded", {
          amount: formatVnd(o.cash_collection.amount),
          by: tr(`cod.by.${o.cash_collection.collected_by}` as MessageKey),
          date: formatDate(o.cash_collection.collected_at, lang),
        })}
      </p>
    );
  }
  return (
    <Form method="post" noValidate className="mt-3 flex flex-wrap items-end gap-3" data-testid="cash-form">
      <input type="hidden" name="order_id" value={o.id} />
      <TextField
        id={`amount-${o.id}`}
        name="amount"
        label={tr("cod.amount")}
        inputMode="numeric"
        defaultValue={value ?? String(o.cash_to_collect)}
        error={error}
        className="w-40 tabular-nums"
      />
      <Button type="submit" name="intent" value="cash" variant="secondary" disabled={busy}>
        {tr("cod.record")}
      </Button>
    </Form>
  );
}
