import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { TextLink } from "~/components/TextLink";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { formatDate, useLang, useT, type MessageKey } from "~/lib/i18n";
import { vendor } from "~/lib/backend/producer-portal.server";
import type { ProducerDashboard } from "~/lib/backend/views";
import { formatVnd } from "~/lib/money";
import { asProducer } from "~/lib/portal.server";
import { useReasonText } from "~/lib/producer-portal-display";
import { getSession, PRIVATE_HEADERS } from "~/lib/session.server";

/** The producer's landing page: what needs doing today, each item a link to do it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = (await getSession(request)).get("producerToken");
  if (!token) throw redirect("/producer/login", { headers: PRIVATE_HEADERS });
  const result = await asProducer(request, (t) => vendor.dashboard(t));
  // A suspended producer may read only its profile: the frame shows the status and the reason.
  if (!result.ok) return data({ dashboard: null as ProducerDashboard | null }, { headers: PRIVATE_HEADERS });
  return data({ dashboard: result.data.dashboard as ProducerDashboard | null }, { headers: PRIVATE_HEADERS });
}

type Cert = ProducerDashboard["certifications"]["pending"][number];

function Panel({
  title,
  count,
  children,
  testid,
}: {
  title: string;
  count?: number;
  children: React.ReactNode;
  testid: string;
}) {
  return (
    <section className="rounded-2xl border border-clay bg-white p-4" data-testid={testid}>
      <h2 className="flex items-center justify-between gap-2 font-display text-lg font-bold">
        <span>{title}</span>
        {count !== undefined ? (
          <span className="rounded-full bg-paper-deep px-2.5 py-0.5 text-sm font-semibold">{count}</span>
        ) : null}
      </h2>
      <div className="mt-3 text-sm">{children}</div>
    </section>
  );
}

function CertList({ items, action, showReason }: { items: Cert[]; action: MessageKey; showReason?: boolean }) {
  const tr = useT();
  const lang = useLang();
  return (
    <PanelItems items={items} none={tr("pd.none")} className="space-y-2" itemClassName={CERT_ITEM}>
      {(c) => (
        <>
          <p className="font-medium">
            {c.product_title ?? c.product_id} · {tr("stars.badge", { n: c.stars })} · {c.certificate_number}
          </p>
          {c.expires_at ? (
            <p className="text-ink-soft">
              {tr("cert.validTo")} {formatDate(c.expires_at, lang)}
              {c.days_left !== null && c.days_left > 0 ? ` (${tr("pd.daysLeft", { n: c.days_left })})` : ""}
            </p>
          ) : null}
          {showReason && c.reason ? (
            <p className="text-lacquer-800" data-testid="curator-reason">
              {tr("pd.curatorReason", { reason: c.reason })}
            </p>
          ) : null}
          <TextLink
            to={
              action === "pd.renew"
                ? `/producer/certifications/new?product_id=${encodeURIComponent(c.product_id)}`
                : `/producer/products/${encodeURIComponent(c.product_id)}`
            }
          >
            {tr(action)}
          </TextLink>
        </>
      )}
    </PanelItems>
  );
}

const CERT_ITEM = "border-t border-clay/60 pt-2 first:border-0 first:pt-0";

/** A panel's list, or the sentence saying there is nothing in it. */
function PanelItems<T extends { id: string }>({
  items,
  none,
  className,
  itemClassName,
  children,
}: {
  items: T[];
  none: string;
  className: string;
  itemClassName?: string;
  children: (item: T) => React.ReactNode;
}) {
  if (items.length === 0) return <p className="text-ink-soft">{none}</p>;
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.id} className={itemClassName}>
          {children(item)}
        </li>
      ))}
    </ul>
  );
}

export default function ProducerDashboardPage() {
  const { dashboard } = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const reasonText = useReasonText();
  if (!dashboard) return null;
  const { certifications: certs } = dashboard;
  return (
    <div className="space-y-6">
      <h1 className="font-display text-2xl font-bold">{tr("pd.title")}</h1>
      {certs.expiring.length > 0 ? (
        <p
          role="alert"
          data-testid="expiry-warning"
          className="rounded-lg border border-gold-400/60 bg-gold-50 px-4 py-3 text-sm"
        >
          {tr("pd.expiringWarning", { n: certs.expiring.length })}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Panel title={tr("pd.toShip")} count={dashboard.orders_to_ship.length} testid="dash-to-ship">
          <PanelItems items={dashboard.orders_to_ship} none={tr("pd.toShipNone")} className="space-y-1">
            {(o) => (
              <>
                <TextLink to="/producer/orders">{tr("pd.order", { n: o.display_id ?? o.id })}</TextLink> ·{" "}
                {formatDate(o.created_at, lang)}
              </>
            )}
          </PanelItems>
        </Panel>
        <Panel title={tr("pd.salesMonth")} testid="dash-sales">
          <p className="font-display text-2xl font-bold" data-testid="sales-amount">
            {formatVnd(dashboard.sales_this_month.amount)}
          </p>
          <p className="text-ink-soft">{tr("pd.salesOrders", { n: dashboard.sales_this_month.orders })}</p>
        </Panel>
        <Panel title={tr("pd.notOnSale")} count={dashboard.not_on_sale.length} testid="dash-not-on-sale">
          <PanelItems items={dashboard.not_on_sale} none={tr("pd.notOnSaleNone")} className="space-y-2">
            {(p) => (
              <>
                <TextLink to={`/producer/products/${encodeURIComponent(p.id)}`}>{p.title}</TextLink>
                {p.reasons.length > 0 ? <p className="text-ink-soft">{p.reasons.map(reasonText).join("; ")}</p> : null}
              </>
            )}
          </PanelItems>
        </Panel>
        <Panel title={tr("pd.pending")} count={certs.pending.length} testid="dash-pending">
          <CertList items={certs.pending} action="pd.fix" />
        </Panel>
        <Panel title={tr("pd.expiring")} count={certs.expiring.length} testid="dash-expiring">
          <CertList items={certs.expiring} action="pd.renew" />
        </Panel>
        <Panel title={tr("pd.expired")} count={certs.expired.length} testid="dash-expired">
          <CertList items={certs.expired} action="pd.renew" />
        </Panel>
        <Panel title={tr("pd.refused")} count={certs.refused.length} testid="dash-refused">
          <CertList items={certs.refused} action="pd.fix" showReason />
        </Panel>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
