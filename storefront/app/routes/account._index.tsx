import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { TextLink } from "~/components/TextLink";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { Button } from "~/components/Button";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { asCustomer } from "~/lib/account.server";
import { getProfile, listOrders } from "~/lib/backend/customer.server";
import { formatDate, useLang, useT } from "~/lib/i18n";
import { titleMeta } from "~/lib/meta";
import { formatVnd } from "~/lib/money";
import { orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export const meta = titleMeta("account.title");
export const headers: HeadersFunction = () => PRIVATE_HEADERS;

export async function loader({ request }: LoaderFunctionArgs) {
  const [profile, orders] = await Promise.all([
    asCustomer(request, getProfile).then(orNotFound),
    asCustomer(request, listOrders).then(orNotFound),
  ]);
  return data({ profile, orders }, { headers: PRIVATE_HEADERS });
}

export default function AccountPage() {
  const { profile, orders } = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  return (
    <Container className="max-w-3xl py-8 sm:py-12">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-display text-2xl font-bold sm:text-3xl">{tr("account.title")}</h1>
          <p className="mt-1 text-sm text-ink-soft" data-testid="account-email">
            {profile.first_name ? `${profile.first_name} · ` : ""}
            {profile.email}
          </p>
        </div>
        <Form method="post" action="/account/logout">
          <Button type="submit" variant="secondary">
            {tr("account.signOut")}
          </Button>
        </Form>
      </div>
      <p className="mt-4 text-sm">
        <TextLink to="/account/addresses">{tr("account.addresses")}</TextLink>
      </p>

      <h2 className="mt-8 font-display text-xl font-bold">{tr("account.orders")}</h2>
      {orders.length === 0 ? (
        <p className="mt-2 text-sm text-ink-soft">{tr("account.noOrders")}</p>
      ) : (
        <ul
          className="mt-3 divide-y divide-clay/60 rounded-2xl border border-clay bg-white"
          data-testid="order-history"
        >
          {orders.map((o) => (
            <li key={o.id}>
              <Link
                to={`/orders/${o.id}`}
                prefetch="intent"
                className="flex flex-wrap items-center justify-between gap-2 px-5 py-4 hover:bg-paper-deep"
                data-testid="order-history-row"
              >
                <span className="font-semibold">#{o.display_id ?? o.id}</span>
                <span className="text-sm text-ink-soft">{formatDate(o.created_at, lang)}</span>
                <span className="text-sm text-ink-soft">{tr("account.itemCount", { n: o.item_count })}</span>
                <span className="font-semibold tabular-nums">{formatVnd(o.total)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
