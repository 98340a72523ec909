import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { Badge } from "~/components/Badge";
import { PortalFrame } from "~/components/PortalFrame";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { useT, type MessageKey } from "~/lib/i18n";
import { producerStatusKey } from "~/lib/producer-portal-display";
import { vendor } from "~/lib/backend/producer-portal.server";
import { titleMeta } from "~/lib/meta";
import { frameAccount } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

/** The portal frame: who is logged in and the producer's approval status (pending until approved). */
export async function loader({ request }: LoaderFunctionArgs) {
  const producer = (await frameAccount(request, "producer", vendor.me))?.producer ?? null;
  return data({ producer }, { headers: PRIVATE_HEADERS });
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS;
export const meta = titleMeta("portal.producerTitle");

const NAV: [string, MessageKey][] = [
  ["/producer", "pnav.dashboard"],
  ["/producer/products", "pnav.products"],
  ["/producer/products/new", "pnav.newProduct"],
  ["/producer/certifications/new", "pnav.certify"],
  ["/producer/orders", "pnav.orders"],
  ["/producer/statements", "pnav.statements"],
  ["/producer/profile", "pnav.profile"],
  ["/producer/team", "pt.nav"],
];

export default function ProducerPortal() {
  const { producer } = useLoaderData<typeof loader>();
  const tr = useT();
  const statusKey = producer ? producerStatusKey(producer.status) : null;
  return (
    <PortalFrame
      title={tr("portal.producerTitle")}
      accountName={producer?.name ?? null}
      status={
        producer && statusKey ? (
          <Badge tone={producer.status === "active" ? "success" : "warning"}>
            <span data-testid="producer-status">{tr(statusKey)}</span>
          </Badge>
        ) : null
      }
      links={NAV}
      logoutAction="/producer/logout"
    >
      {producer?.status === "suspended" ? (
        <p
          role="alert"
          data-testid="suspension-reason"
          className="mb-6 rounded-lg border border-lacquer-600/40 bg-lacquer-50 px-4 py-3 text-sm text-lacquer-800"
        >
          {producer.status_reason
            ? tr("pd.suspendedReason", { reason: producer.status_reason })
            : tr("pd.suspendedNoReason")}
        </p>
      ) : null}
      {producer?.status === "pending" ? (
        <p className="mb-6 rounded-lg border border-gold-400/60 bg-gold-50 px-4 py-3 text-sm">
          {tr("producer.pendingNote")}
        </p>
      ) : null}
    </PortalFrame>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
