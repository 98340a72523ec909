import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLang, useT, type MessageKey } from "~/lib/i18n";
import { statusKey, type ShownStatus } from "~/lib/ocop-display";
import { listGroups, listProvinces } from "~/lib/backend/reference-data.server";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { asCurator, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [stats, groups, provinces] = await Promise.all([
    asCurator(request, (token) => tradeCenter.stats(token)).then(orNotFound),
    listGroups(),
    listProvinces(),
  ]);
  const province = provinces.find((p) => String((p as { code?: unknown }).code) === stats.province_code);
  return data({ stats, groups, provinceName: province?.name_vi ?? stats.province_code }, { headers: PRIVATE_HEADERS });
}

export default function Stats() {
  const { stats, groups, provinceName } = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const groupName = (slug: string) => {
    const g = groups.find((x) => x.slug === slug);
    return g ? (lang === "vi" ? g.name_vi : g.name_en) : slug;
  };
  return (
    <section>
      <h1 className="font-display text-2xl font-bold">{tr("tc.stats")}</h1>
      <p className="mt-1 text-ink-soft">{tr("tc.province", { name: provinceName })}</p>
      <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {(
          [
            ["tc-approved", "tc.approved", stats.approved, "/trade-center/certifications?status=approved"],
            ["tc-pending", "tc.pending", stats.pending, "/trade-center/certifications?status=submitted"],
            ["tc-expiring", "tc.expiring", stats.expiring_30_days, "/trade-center/certifications?status=approved"],
            ["tc-expired", "tc.expired", stats.expired, "/trade-center/certifications?status=expired"],
          ] as [string, MessageKey, number, string][]
        ).map(([testId, label, n, to]) => (
          <div key={testId} className="flex flex-col-reverse rounded-2xl border border-clay bg-white p-4">
            <dt className="text-sm text-ink-soft">{tr(label)}</dt>
            <dd className="text-3xl font-bold tabular-nums" data-testid={testId}>
              <Link to={to} className="hover:text-lacquer-700">
                {n}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-8 grid gap-8 sm:grid-cols-2">
        <CountTable
          caption={tr("tc.byStars")}
          counts={stats.by_stars}
          label={(stars) => tr("stars.badge", { n: stars })}
        />
        <CountTable caption={tr("tc.byGroup")} counts={stats.by_group} label={groupName} showEmpty />
        <CountTable
          caption={tr("tc.byStatus")}
          counts={stats.by_status}
          label={(status) => tr(statusKey(status as ShownStatus))}
        />
        <div className="self-start overflow-x-auto">
          <table className="w-full text-sm" data-testid="tc-by-month">
            <caption className="mb-2 text-left font-display text-lg font-bold">{tr("tc.byMonth")}</caption>
            <thead>
              <tr className="border-b border-clay">
                <th scope="col" className="py-2 text-left font-medium">
                  {tr("tc.month")}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {tr("tc.monthSubmitted")}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {tr("tc.monthApproved")}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.by_month.map((m) => (
                <tr key={m.month} className="border-b border-clay/60">
                  <th scope="row" className="py-1.5 text-left font-normal tabular-nums">
                    {lang === "vi" ? `${m.month.slice(5)}/${m.month.slice(0, 4)}` : m.month}
                  </th>
                  <td className="py-1.5 text-right tabular-nums">{m.submitted}</td>
                  <td className="py-1.5 text-right tabular-nums">{m.approved}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** One breakdown of the province's certifications: a row per key with its count (a dash when empty, if asked). */
function CountTable({
  caption,
  counts,
  label,
  showEmpty = false,
}: {
  caption: string;
  counts: Record<string, number>;
  label: (key: string) => string;
  showEmpty?: boolean;
}) {
  const rows = Object.entries(counts);
  return (
    <table className="w-full self-start text-sm">
      <caption className="mb-2 text-left font-display text-lg font-bold">{caption}</caption>
      <tbody>
        {showEmpty && rows.length === 0 ? (
          <tr>
            <td className="py-2">—</td>
          </tr>
        ) : null}
        {rows.map(([key, n]) => (
          <tr key={key} className="border-b border-clay/60">
            <th scope="row" className="py-2 text-left font-medium">
              {label(key)}
            </th>
            <td className="py-2 text-right tabular-nums">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
