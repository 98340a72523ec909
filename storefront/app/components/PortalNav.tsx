import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT, type MessageKey } from "~/lib/i18n";

/** The navigation row of a portal (producer or trade centre): its pages and a logout button. */
export function PortalNav({
  label,
  links,
  logoutAction,
}: {
  label: string;
  links: [string, MessageKey][];
  logoutAction: string;
}) {
  const tr = useT();
  return (
    <nav className="flex flex-wrap gap-1 text-sm sm:ml-auto" aria-label={label}>
      {links.map(([to, key]) => (
        <NavLink
          key={to}
          to={to}
          end
          className={({ isActive }) =>
            `rounded-md px-2 py-1 ${isActive ? "bg-paper-deep font-semibold text-ink" : "text-ink-soft hover:text-lacquer-700"}`
          }
        >
          {tr(key)}
        </NavLink>
      ))}
      <Form method="post" action={logoutAction}>
        <button type="submit" className="rounded-md px-2 py-1 text-ink-soft underline hover:text-lacquer-700">
          {tr("portal.logout")}
        </button>
      </Form>
    </nav>
  );
}

/** The top of a portal's pages: its title and, once logged in, the account's name, its status and the navigation. */
export function PortalHeader({
  title,
  accountName,
  status,
  links,
  logoutAction,
}: {
  title: string;
  /** null when logged out (the login page): the title only. */
  accountName: string | null;
  status?: ReactNode;
  links: [string, MessageKey][];
  logoutAction: string;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-center gap-3 border-b border-clay pb-4">
      <p className="font-display text-lg font-bold text-lacquer-700">{title}</p>
      {accountName !== null ? (
        <>
          <span className="font-medium">{accountName}</span>
          {status}
          <PortalNav label={title} links={links} logoutAction={logoutAction} />
        </>
      ) : null}
    </div>
  );
}
