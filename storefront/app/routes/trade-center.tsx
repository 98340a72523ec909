import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { PortalNav } from "~/components/PortalNav";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { useT, type MessageKey } from "~/lib/i18n";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { langFromMatches, titleFor } from "~/lib/meta";
import { getSession, PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = (await getSession(request)).get("curatorToken");
  let center = null;
  if (typeof token === "string" && token) {
    const me = await tradeCenter.me(token);
    center = me.ok ? me.data.trade_center : null;
  }
  return data({ center }, { headers: PRIVATE_HEADERS });
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS;
export const meta: MetaFunction = ({ matches }) => [titleFor(langFromMatches(matches), "portal.tcTitle")];

const NAV: [string, MessageKey][] = [
  ["/trade-center/certifications", "tc.certifications"],
  ["/trade-center/featured", "tc.featured"],
  ["/trade-center/stats", "tc.stats"],
  ["/trade-center/team", "tc.team"],
];

export default function TradeCenterPortal() {
  const { center } = useLoaderData<typeof loader>();
  const tr = useT();
  return (
    <Container className="py-8">
      <div className="mb-6 flex flex-wrap items-center gap-3 border-b border-clay pb-4">
        <p className="font-display text-lg font-bold text-lacquer-700">{tr("portal.tcTitle")}</p>
        {center ? (
          <>
            <span className="font-medium">{center.name}</span>
            <PortalNav label={tr("portal.tcTitle")} links={NAV} logoutAction="/trade-center/logout" />
          </>
        ) : null}
      </div>
      <Outlet />
    </Container>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
