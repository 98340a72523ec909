import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ListedBadge, WhyNotListed } from "~/components/producer/ListingStatus";
import { useT } from "~/lib/i18n";
import { productStatusKey, vndPriceOf } from "~/lib/producer-portal-display";
import { vendor } from "~/lib/backend/producer-portal.server";
import type { VendorStock } from "~/lib/backend/views";
import { formatVnd } from "~/lib/money";
import { asProducer, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { products } = orNotFound(await asProducer(request, (token) => vendor.products(token)));
  return data({ products }, { headers: PRIVATE_HEADERS });
}

export default function ProducerProducts() {
  const { products } = useLoaderData<typeof loader>();
  const tr = useT();
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-display text-2xl font-bold">{tr("pnav.products")}</h1>
        <Link
          to="/producer/products/new"
          className="rounded-lg bg-lacquer-600 px-4 py-2 text-sm font-semibold text-white hover:bg-lacquer-700"
        >
          {tr("pnav.newProduct")}
        </Link>
      </div>
      {products.length === 0 ? <p className="mt-6">{tr("vp.empty")}</p> : null}
      <ul className="mt-6 divide-y divide-clay/60 rounded-2xl border border-clay bg-white">
        {products.map((p) => {
          const listed = Boolean(p.product_listing?.listed);
          const reasons = p.product_listing?.blocked_reasons ?? (listed ? [] : []);
          const price = vndPriceOf(p);
          const sk = productStatusKey(p.status);
          return (
            <li key={p.id} className="flex flex-wrap items-start gap-4 p-4" data-testid="vendor-product">
              <div className="min-w-0 flex-1">
                <p className="font-semibold">
                  <Link to={`/producer/products/${p.id}`} className="hover:text-lacquer-700">
                    {p.title}
                  </Link>
                </p>
                <p className="text-sm text-ink-soft">
                  {sk ? tr(sk) : p.status}
                  {price !== null ? <> · {formatVnd(price)}</> : null}
                  <StockNote stock={p.variants?.[0]?.stock} />
                </p>
                <WhyNotListed listed={listed} reasons={reasons} className="mt-1" />
              </div>
              <ListedBadge listed={listed} />
              <Link to={`/producer/products/${p.id}`} className="text-sm font-medium text-lacquer-700 underline">
                {tr("vp.edit")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "Còn 12" / "Hết hàng" beside each listing; nothing for stock that is not tracked. */
function StockNote({ stock }: { stock?: VendorStock | null }) {
  const tr = useT();
  if (!stock?.tracked) return null;
  return (
    <span data-testid="vendor-stock">
      {" "}
      · {stock.available ? tr("ps.available", { n: stock.available }) : tr("product.outOfStock")}
    </span>
  );
}
