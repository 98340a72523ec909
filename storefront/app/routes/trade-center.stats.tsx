import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLang, useT } from "~/lib/i18n";
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
      <p className="mt-6 text-4xl font-bold" data-testid="tc-approved">
        {stats.approved}
      </p>
      <p className="text-sm text-ink-soft">{tr("tc.approved")}</p>
      <div className="mt-8 grid gap-8 sm:grid-cols-2">
        <table className="w-full text-sm">
          <caption className="mb-2 text-left font-display text-lg font-bold">{tr("tc.byStars")}</caption>
          <tbody>
            {Object.entries(stats.by_stars).map(([stars, n]) => (
              <tr key={stars} className="border-b border-clay/60">
                <th scope="row" className="py-2 text-left font-medium">
                  {tr("stars.badge", { n: stars })}
                </th>
                <td className="py-2 text-right tabular-nums">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full text-sm">
          <caption className="mb-2 text-left font-display text-lg font-bold">{tr("tc.byGroup")}</caption>
          <tbody>
            {Object.entries(stats.by_group).length === 0 ? (
              <tr>
                <td className="py-2">—</td>
              </tr>
            ) : null}
            {Object.entries(stats.by_group).map(([slug, n]) => (
              <tr key={slug} className="border-b border-clay/60">
                <th scope="row" className="py-2 text-left font-medium">
                  {groupName(slug)}
                </th>
                <td className="py-2 text-right tabular-nums">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
