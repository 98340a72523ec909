import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { buttonClasses } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { getStatement } from "~/lib/backend/statements.server";
import { formatDate, useLang, useT, type MessageKey } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { asProducer, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";
import { monthFromQuery } from "~/lib/statement-month";
import { STATEMENT_COLUMNS, type StatementColumn } from "~/lib/statement-view";

export async function loader({ request }: LoaderFunctionArgs) {
  const { month, invalid } = monthFromQuery(new URL(request.url).searchParams.get("month"));
  const { statement } = orNotFound(await asProducer(request, (token) => getStatement(token, month)));
  return data({ statement, invalid }, { headers: PRIVATE_HEADERS });
}

/** The columns the page shows: all but two the CSV alone carries. */
const CSV_ONLY = new Set<StatementColumn>(["net_sales", "cash_collected_by_platform"]);
const SHOWN = STATEMENT_COLUMNS.filter((c) => !CSV_ONLY.has(c));

const percent = (bps: number) => `${(bps / 100).toLocaleString("vi-VN")}%`;

export default function ProducerStatements() {
  const { statement: s, invalid } = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const cell = "px-2 py-1.5 text-right tabular-nums whitespace-nowrap";
  const tax =
    s.rates.vat_bps || s.rates.pit_bps
      ? tr("st.tax", {
          vat: percent(s.rates.vat_bps),
          pit: percent(s.rates.pit_bps),
          basis: s.rates.tax_legal_basis ?? "",
        })
      : tr("st.noTax");
  return (
    <section>
      <h1 className="font-display text-2xl font-bold">{tr("st.title")}</h1>
      <p className="mt-2 max-w-3xl text-sm text-ink-soft">{tr("st.intro")}</p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="month" className="text-sm font-medium">
            {tr("st.month")}
          </label>
          <input
            id="month"
            name="month"
            type="month"
            defaultValue={s.month}
            className="mt-1 block rounded-lg border border-clay bg-white px-3 py-2 text-sm"
          />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {tr("st.show")}
        </button>
        <a
          href={`/producer/statements/export?month=${s.month}`}
          download
          className={buttonClasses("primary")}
          data-testid="statement-download"
        >
          {tr("st.download")}
        </a>
      </Form>
      {invalid ? (
        <div className="mt-3">
          <FormAlert tone="error" message={tr("st.monthInvalid")} />
        </div>
      ) : null}
      <p className="mt-4 text-sm" data-testid="statement-rates">
        {tr("st.rates", { commission: percent(s.rates.commission_bps), tax })}
      </p>
      {s.lines.length === 0 ? (
        <p className="mt-6" data-testid="statement-empty">
          {tr("st.empty")}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-2xl border border-clay bg-white">
          <table className="min-w-full text-sm" data-testid="statement-table">
            <thead className="bg-paper text-left">
              <tr>
                <th className="px-2 py-2">{tr("st.order")}</th>
                <th className="px-2 py-2">{tr("st.placed")}</th>
                <th className="px-2 py-2">{tr("st.state")}</th>
                {SHOWN.map((c) => (
                  <th key={c} className="px-2 py-2 text-right">
                    {tr(`st.col.${c}` as MessageKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-clay/60">
              {s.lines.map((l) => (
                <tr key={l.order_id} data-testid="statement-line">
                  <td className="px-2 py-1.5">#{l.display_id ?? l.order_id}</td>
                  <td className="px-2 py-1.5">{formatDate(l.placed_at, lang)}</td>
                  <td className="px-2 py-1.5">{tr(`st.state.${l.state}` as MessageKey)}</td>
                  {SHOWN.map((c) => (
                    <td key={c} className={cell}>
                      {formatVnd(l[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot className="bg-paper font-semibold">
              <tr data-testid="statement-totals">
                <td className="px-2 py-2" colSpan={3}>
                  {tr("st.total")}
                </td>
                {SHOWN.map((c) => (
                  <td key={c} className={cell} data-column={c}>
                    {formatVnd(s.totals[c])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {!s.complete ? <p className="mt-3 text-sm text-ink-soft">{tr("st.incomplete")}</p> : null}
      <dl className="mt-4 grid max-w-md grid-cols-2 gap-2 text-sm">
        <dt>{tr("st.col.payout_due")}</dt>
        <dd className="text-right tabular-nums">{formatVnd(s.totals.payout_due)}</dd>
        <dt>{tr("st.paid")}</dt>
        <dd className="text-right tabular-nums">{formatVnd(s.paid)}</dd>
        <dt className="font-semibold">{tr("st.outstanding")}</dt>
        <dd className="text-right font-semibold tabular-nums" data-testid="statement-outstanding">
          {formatVnd(s.outstanding)}
        </dd>
      </dl>
      {s.payouts.length ? (
        <>
          <h2 className="mt-6 font-display text-lg font-bold">{tr("st.payouts")}</h2>
          <ul className="mt-2 text-sm">
            {s.payouts.map((p) => (
              <li key={p.id}>
                {tr("st.payoutLine", {
                  date: formatDate(p.paid_at, lang),
                  amount: formatVnd(p.amount),
                  ref: p.bank_reference,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
