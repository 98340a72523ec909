import { Form } from "@remix-run/react";
import { Button } from "~/components/Button";
import { type Lang, useLang, useT, type MessageKey } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import type { OrderPayment as OrderPaymentView } from "~/lib/backend/payments.server";

/** Date and time in Việt Nam's time zone (the deadline is the shop's, wherever the shopper is). */
function deadline(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(iso));
}

const TONE: Record<OrderPaymentView["status"], string> = {
  awaiting_payment: "bg-gold-50 text-ink ring-1 ring-gold-400/50",
  paid: "bg-bamboo-50 text-bamboo-700",
  cancelled_unpaid: "bg-lacquer-50 text-lacquer-800",
  cancelled: "bg-lacquer-50 text-lacquer-800",
  cash_on_delivery: "bg-paper-deep text-ink",
};

/**
 * The order page's payment box: for a VietQR transfer still awaited, the QR (PNG made by the
 * loader) with the amount, reference and account in text; for VNPay, the button to pay; then
 * "paid", or why the order was cancelled.
 */
export function OrderPayment({
  payment,
  qrDataUrl,
  orderId,
  linkKey,
}: {
  payment: OrderPaymentView;
  qrDataUrl: string | null;
  orderId: string;
  linkKey: string | null;
}) {
  const tr = useT();
  const lang = useLang();
  const status = (
    <span
      className={`rounded-full px-3 py-1 text-xs font-semibold ${TONE[payment.status]}`}
      data-testid="payment-status"
      data-status={payment.status}
    >
      {tr(`payment.status.${payment.status}` as MessageKey)}
    </span>
  );
  const bank = payment.bank_transfer;
  return (
    <section
      aria-labelledby="payment-title"
      className="mt-6 rounded-2xl border border-clay bg-white p-5"
      data-testid="order-payment"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="payment-title" className="font-display text-xl font-bold">
          {tr("payment.title")}
        </h2>
        {status}
      </div>
      {payment.status === "paid" ? <p className="mt-2 text-sm">{tr("payment.paidNote")}</p> : null}
      {payment.status === "cancelled_unpaid" ? (
        <p className="mt-2 text-sm" data-testid="payment-cancelled-unpaid">
          {tr("payment.cancelledUnpaid")}
        </p>
      ) : null}
      {payment.status === "awaiting_payment" && payment.pay_before ? (
        <p className="mt-2 text-sm">{tr("payment.payBefore", { time: deadline(payment.pay_before, lang) })}</p>
      ) : null}
      {bank && qrDataUrl ? (
        <div className="mt-4 grid gap-5 sm:grid-cols-[auto_1fr]">
          <figure className="mx-auto">
            <img
              src={qrDataUrl}
              width={232}
              height={232}
              alt={tr("payment.qrAlt", {
                amount: formatVnd(payment.amount),
                account: bank.account_number,
                reference: payment.reference ?? "",
              })}
              data-testid="vietqr-image"
              className="rounded-lg border border-clay"
            />
            <figcaption className="mt-2 max-w-[232px] text-center text-sm font-medium">
              {tr("payment.scanTitle")}
            </figcaption>
          </figure>
          <div className="text-sm">
            <p>{tr("payment.scanHint")}</p>
            <p className="mt-3 font-medium">{tr("payment.noScan")}</p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="bank-transfer-details">
              <dt className="text-ink-soft">{tr("payment.bank")}</dt>
              <dd className="font-medium">{bank.bank_name ?? bank.bank_bin}</dd>
              <dt className="text-ink-soft">{tr("payment.accountNumber")}</dt>
              <dd className="font-mono font-bold" data-testid="bank-account-number">
                {bank.account_number}
              </dd>
              <dt className="text-ink-soft">{tr("payment.accountName")}</dt>
              <dd className="font-medium">{bank.account_name}</dd>
              <dt className="text-ink-soft">{tr("payment.amount")}</dt>
              <dd className="font-bold tabular-nums" data-testid="transfer-amount">
                {formatVnd(payment.amount)}
              </dd>
              <dt className="text-ink-soft">{tr("payment.reference")}</dt>
              <dd className="font-mono text-lg font-bold" data-testid="transfer-reference">
                {payment.reference}
              </dd>
            </dl>
            <p className="mt-3 text-ink-soft">{tr("payment.refreshHint")}</p>
          </div>
        </div>
      ) : null}
      {payment.status === "awaiting_payment" && payment.method === "vnpay" ? (
        <Form method="post" action={`/orders/${encodeURIComponent(orderId)}/vnpay`} className="mt-4">
          {linkKey ? <input type="hidden" name="key" value={linkKey} /> : null}
          <Button type="submit">{tr("payment.payWithVnpay")}</Button>
        </Form>
      ) : null}
    </section>
  );
}
