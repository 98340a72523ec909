import { useT } from "~/lib/i18n";
import { PAYMENT_TEXT } from "~/lib/payment-methods";

/** One payment method at checkout: its name and what happens after ordering, in the page's language. */
export function PaymentMethodLabel({ provider }: { provider: string }) {
  const tr = useT();
  const text = PAYMENT_TEXT[provider];
  if (!text) return <span className="block font-medium">{provider}</span>;
  return (
    <span>
      <span className="block font-medium">{tr(text.name)}</span>
      <span className="block text-sm text-ink-soft">{tr(text.hint)}</span>
    </span>
  );
}
