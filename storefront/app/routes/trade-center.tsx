import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { PortalFrame } from "~/components/PortalFrame";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { useT, type MessageKey } from "~/lib/i18n";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { titleMeta } from "~/lib/meta";
import { frameAccount } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const center = (await frameAccount(request, "curator", tradeCenter.me))?.trade_center ?? null;
  return data({ center }, { headers: PRIVATE_HEADERS });
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS;
export const meta = titleMeta("portal.tcTitle");

const NAV: [string, MessageKey][] = [
  ["/trade-center/certifications", "tc.certifications"],
  ["/trade-center/producers", "tp.nav"],
  ["/trade-center/featured", "tc.featured"],
  ["/trade-center/stats", "tc.stats"],
  ["/trade-center/team", "tc.team"],
];

export default function TradeCenterPortal() {
  const { center } = useLoaderData<typeof loader>();
  const tr = useT();
  return (
    <PortalFrame
      title={tr("portal.tcTitle")}
      accountName={center?.name ?? null}
      links={NAV}
      logoutAction="/trade-center/logout"
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
