import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeaturedListForm } from "~/components/trade-center/FeaturedListForm";
import { parseFeaturedListForm } from "~/lib/featured-list-form";
import { useT } from "~/lib/i18n";
import { getLang } from "~/lib/lang.server";
import { tradeCenter } from "~/lib/backend/trade-center-portal.server";
import { asCurator, localizedRefusal, orNotFound } from "~/lib/portal.server";
import { PRIVATE_HEADERS } from "~/lib/session.server";
import { BackLinkHeading } from "~/components/BackLinkHeading";

export async function loader({ request }: LoaderFunctionArgs) {
  const { products } = orNotFound(await asCurator(request, (token) => tradeCenter.provinceProducts(token)));
  return data({ products }, { headers: PRIVATE_HEADERS });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string>; formError?: string };

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseFeaturedListForm(await request.formData());
  if (!parsed.ok) return data<ActionData>(parsed, { status: 400, headers: PRIVATE_HEADERS });
  const result = await asCurator(request, (token) => tradeCenter.createFeaturedList(token, parsed.data));
  if (!result.ok) {
    const refusal = localizedRefusal(result, await getLang(request));
    const values = { ...parsed.data, title_en: parsed.data.title_en ?? "", picks: parsed.data.product_ids.join(",") };
    return data<ActionData>(
      { ...refusal, values: values as unknown as Record<string, string> },
      { status: 400, headers: PRIVATE_HEADERS }
    );
  }
  throw redirect(`/trade-center/featured/${encodeURIComponent(result.data.featured_list.id)}?saved=1`, {
    headers: PRIVATE_HEADERS,
  });
}

export default function NewFeaturedList() {
  const { products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const tr = useT();
  const values = actionData?.values ?? {};
  return (
    <section>
      <BackLinkHeading to="/trade-center/featured" back={tr("tc.backToLists")}>
        {tr("tc.featuredNew")}
      </BackLinkHeading>
      <FeaturedListForm
        products={products}
        values={{ ...values, product_ids: values.picks ? values.picks.split(",") : [] }}
        errors={actionData?.errors ?? {}}
        formError={actionData?.formError}
      />
    </section>
  );
}
