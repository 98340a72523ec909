import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** A sub-page's heading under the link back to the page it belongs to. */
export function BackLinkHeading({ to, back, children }: { to: string; back: ReactNode; children: ReactNode }) {
  return (
    <>
      <p className="text-sm">
        <Link to={to} className="text-lacquer-700 underline">
          {back}
        </Link>
      </p>
      <h1 className="mt-2 font-display text-2xl font-bold">{children}</h1>
    </>
  );
}
