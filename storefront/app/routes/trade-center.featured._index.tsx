import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { buttonClasses } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { featuredListState } from "~/lib/featured-list-form";
import { formatDate, useLang, useT, type MessageKey } from "~/lib/i18n";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { asCurator, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { featured_lists } = orNotFound(await asCurator(request, (token) => tradeCenter.featuredLists(token)));
  return data({ lists: featured_lists }, { headers: PRIVATE_HEADERS });
}

/** The centre's featured lists and campaigns: what shows now, what is scheduled, what ended. */
export default function FeaturedLists() {
  const { lists } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const tr = useT();
  const lang = useLang();
  return (
    <section>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="font-display text-2xl font-bold">{tr("tc.featured")}</h1>
        <Link to="/trade-center/featured/new" className={buttonClasses("primary")}>
          {tr("tc.featuredNew")}
        </Link>
      </div>
      <p className="mt-2 max-w-prose text-sm text-ink-soft">{tr("tc.featuredIntro")}</p>
      {params.get("deleted") ? (
        <div className="mt-4">
          <FormAlert tone="success" message={tr("tc.deleted")} />
        </div>
      ) : null}
      {lists.length === 0 ? <p className="mt-6">{tr("tc.featuredEmpty")}</p> : null}
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {lists.map((l) => {
          const state = featuredListState(l);
          return (
            <li key={l.id} className="rounded-2xl border border-clay bg-white p-5" data-testid="tc-featured-list">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="font-semibold">{lang === "en" && l.title_en ? l.title_en : l.title_vi}</h2>
                <span className="rounded-full bg-paper-deep px-2 py-0.5 text-xs font-semibold">
                  {tr(`tc.state.${state}` as MessageKey)}
                </span>
              </div>
              <p className="mt-1 text-sm text-ink-soft">
                {tr(`tc.placement.${l.placement}` as MessageKey)} ·{" "}
                {tr("tc.productsCount", { n: l.product_ids.length })}
              </p>
              <p className="text-sm text-ink-soft">
                {l.starts_at || l.ends_at
                  ? tr("tc.dates", { from: formatDate(l.starts_at, lang), to: formatDate(l.ends_at, lang) })
                  : tr("tc.noDates")}
              </p>
              <Link
                to={`/trade-center/featured/${encodeURIComponent(l.id)}`}
                className="mt-2 inline-block text-sm font-semibold text-lacquer-700 underline"
              >
                {tr("tc.edit")} · {tr("tc.preview")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
