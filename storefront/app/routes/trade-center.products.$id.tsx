import type { LoaderFunctionArgs } from "@remix-run/node";
import { ProducerPageLink } from "~/components/trade-center/ProducerPageLink";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, useLang, useT } from "~/lib/i18n";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { statusKey, type ShownStatus } from "~/lib/ocop-display";
import { asCurator, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";
import { BackLinkHeading } from "~/components/BackLinkHeading";

/** A product of the province as the curator inspects it before deciding — also when it is not on sale. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const found = orNotFound(await asCurator(request, (token) => tradeCenter.product(token, id)));
  return data(found, { headers: PRIVATE_HEADERS });
}

export default function CuratorProduct() {
  const { product, certifications } = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const images = product.images?.length ? product.images : product.thumbnail ? [{ url: product.thumbnail }] : [];
  return (
    <section>
      <BackLinkHeading to="/trade-center/certifications" back={tr("tc.certifications")}>
        {product.title}
      </BackLinkHeading>
      <p className="mt-1 flex flex-wrap gap-3 text-sm">
        <span className="rounded-full bg-paper-deep px-2 py-0.5 font-semibold">
          {product.listed ? tr("tc.listed") : tr("tc.notListed")}
        </span>
        {product.listed ? (
          <Link to={`/products/${encodeURIComponent(product.handle)}`} className="text-lacquer-700 underline">
            {tr("tc.viewProduct")}
          </Link>
        ) : null}
        {product.producer ? <ProducerPageLink producer={product.producer} /> : null}
      </p>
      {images.length ? (
        <ul className="mt-4 flex flex-wrap gap-3">
          {images.map((img) => (
            <li key={img.url}>
              <img src={img.url} alt={product.title} className="h-40 w-40 rounded-xl object-cover" loading="lazy" />
            </li>
          ))}
        </ul>
      ) : null}
      {product.description ? <p className="mt-4 max-w-prose whitespace-pre-line">{product.description}</p> : null}
      <h2 className="mt-6 font-display text-lg font-bold">{tr("tc.certifications")}</h2>
      <ul className="mt-2 space-y-2 text-sm">
        {certifications.map((c) => (
          <li key={c.id} className="rounded-xl border border-clay bg-white p-3">
            {tr("stars.badge", { n: c.stars })} · {c.certificate_number ?? "—"} ·{" "}
            {tr(statusKey(c.status as ShownStatus))} · {formatDate(c.valid_from, lang)} –{" "}
            {formatDate(c.expires_at, lang)}
            {c.reason ? ` · ${c.reason}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
