import { Outlet } from "@remix-run/react";
import type { ReactNode } from "react";
import { Container } from "~/components/Container";
import { PortalHeader } from "~/components/PortalNav";
import type { MessageKey } from "~/lib/i18n";

/**
 * The frame around every page of a portal (producer or trade centre): its header with the account and
 * navigation, any notice about the account (`children`), then the page itself.
 */
export function PortalFrame({
  title,
  accountName,
  status,
  links,
  logoutAction,
  children,
}: {
  title: string;
  accountName: string | null;
  status?: ReactNode;
  links: [string, MessageKey][];
  logoutAction: string;
  children?: ReactNode;
}) {
  return (
    <Container className="py-8">
      <PortalHeader title={title} accountName={accountName} status={status} links={links} logoutAction={logoutAction} />
      {children}
      <Outlet />
    </Container>
  );
}
