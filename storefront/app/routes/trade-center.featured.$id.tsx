import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button, buttonClasses } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { ProductImage } from "~/components/ProductImage";
import { FeaturedListForm } from "~/components/trade-center/FeaturedListForm";
import { featuredListState, parseFeaturedListForm } from "~/lib/featured-list-form";
import { formatDate, useLang, useT, type MessageKey } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { listProvinces } from "~/lib/backend/reference-data.server";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { asCurator, localizedRefusal, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";
import { IntentForm } from "~/components/IntentForm";
import { BackLinkHeading } from "~/components/BackLinkHeading";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const [{ featured_list }, { products }, provinces] = await Promise.all([
    asCurator(request, (token) => tradeCenter.featuredList(token, id)).then(orNotFound),
    asCurator(request, (token) => tradeCenter.provinceProducts(token)).then(orNotFound),
    listProvinces(),
  ]);
  const province = provinces.find((p) => String((p as { code?: unknown }).code) === featured_list.province_code);
  return data({ list: featured_list, products, provinceSlug: province?.slug ?? null }, { headers: PRIVATE_HEADERS });
}

type ActionData = {
  errors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
  confirmDelete?: boolean;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  if (intent === "delete") {
    return data<ActionData>({ errors: {}, values: {}, confirmDelete: true }, { headers: PRIVATE_HEADERS });
  }
  if (intent === "delete-confirmed") {
    const result = await asCurator(request, (token) => tradeCenter.deleteFeaturedList(token, id));
    if (!result.ok && result.status === 404) throw new Response(null, { status: 404, headers: PRIVATE_HEADERS });
    if (!result.ok) {
      const refusal = localizedRefusal(result, await getLang(request));
      return data<ActionData>({ ...refusal, values: {} }, { status: 400, headers: PRIVATE_HEADERS });
    }
    throw redirect("/trade-center/featured?deleted=1", { headers: PRIVATE_HEADERS });
  }
  const parsed = parseFeaturedListForm(form);
  if (!parsed.ok) return data<ActionData>(parsed, { status: 400, headers: PRIVATE_HEADERS });
  const result = await asCurator(request, (token) => tradeCenter.updateFeaturedList(token, id, parsed.data));
  if (!result.ok) {
    if (result.status === 404) throw new Response(null, { status: 404, headers: PRIVATE_HEADERS });
    const refusal = localizedRefusal(result, await getLang(request));
    const values = { ...parsed.data, title_en: parsed.data.title_en ?? "", picks: parsed.data.product_ids.join(",") };
    return data<ActionData>(
      { ...refusal, values: values as unknown as Record<string, string> },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  throw redirect(`/trade-center/featured/${encodeURIComponent(id)}?saved=1`, { headers: PRIVATE_HEADERS });
}

export default function EditFeaturedList() {
  const { list, products, provinceSlug } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const tr = useT();
  const lang = useLang();
  const failed = actionData && !actionData.confirmDelete && Object.keys(actionData.values).length > 0;
  const values = failed
    ? { ...actionData.values, product_ids: actionData.values.picks ? actionData.values.picks.split(",") : [] }
    : list;
  const title = lang === "en" && list.title_en ? list.title_en : list.title_vi;
  return (
    <section>
      <BackLinkHeading to="/trade-center/featured" back={tr("tc.backToLists")}>
        {title}
      </BackLinkHeading>
      {params.get("saved") && !actionData ? (
        <div className="mt-4">
          <FormAlert tone="success" message={tr("tc.saved")} />
        </div>
      ) : null}

      <section className="mt-6 rounded-2xl border border-clay bg-paper-deep/40 p-5" aria-labelledby="preview-title">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="preview-title" className="font-display text-lg font-bold">
            {tr("tc.preview")}
          </h2>
          <span className="rounded-full bg-white px-2 py-0.5 text-xs font-semibold">
            {tr(`tc.state.${featuredListState(list)}` as MessageKey)}
          </span>
          <span className="text-sm text-ink-soft">
            {tr(`tc.placement.${list.placement}` as MessageKey)} ·{" "}
            {list.starts_at || list.ends_at
              ? tr("tc.dates", { from: formatDate(list.starts_at, lang), to: formatDate(list.ends_at, lang) })
              : tr("tc.noDates")}
          </span>
          {provinceSlug ? (
            <Link to={`/provinces/${provinceSlug}`} className="text-sm text-lacquer-700 underline">
              {tr("tc.provincePage")}
            </Link>
          ) : null}
        </div>
        <p className="mt-1 text-sm text-ink-soft">{tr("tc.previewHint")}</p>
        <ol className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6" data-testid="tc-preview">
          {list.products.map((p, i) => (
            <li key={p.id} className={`text-sm ${p.listed ? "" : "opacity-50"}`} data-testid="tc-preview-item">
              <ProductImage src={p.thumbnail} alt={p.title} className="aspect-square w-full rounded-xl object-cover" />
              <p className="mt-1 font-medium">
                {i + 1}. {p.title}
              </p>
              {p.listed ? null : <p className="text-xs text-lacquer-700">{tr("tc.notListed")}</p>}
            </li>
          ))}
        </ol>
      </section>

      <h2 className="mt-8 font-display text-xl font-bold">{tr("tc.featuredEdit")}</h2>
      <FeaturedListForm
        key={list.id}
        products={products}
        values={values}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
      />

      <div className="mt-10 border-t border-clay pt-6">
        {actionData?.confirmDelete ? (
          <IntentForm
            intent="delete-confirmed"
            className="rounded-xl border border-lacquer-600 bg-paper-deep p-4"
            testId="tc-confirm"
          >
            <p className="font-semibold">{tr("tc.deleteConfirm", { title: list.title_vi })}</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button type="submit" disabled={navigation.state !== "idle"}>
                {tr("tc.deleteConfirmButton")}
              </Button>
              <Link to="." className={buttonClasses("secondary")}>
                {tr("tc.cancel")}
              </Link>
            </div>
          </IntentForm>
        ) : (
          <IntentForm intent="delete">
            <Button type="submit" variant="secondary">
              {tr("tc.delete")}
            </Button>
          </IntentForm>
        )}
      </div>
    </section>
  );
}
