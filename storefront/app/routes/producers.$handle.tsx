import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { Badge } from "~/components/Badge";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { ProductGrid } from "~/components/ProductGrid";
import { t, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS, getLang } from "~/lib/lang.server";
import { getProducer } from "~/lib/backend/ocop-facts.server";
import { langFromMatches, notFoundSeo, pageSeo } from "~/lib/meta";
import { entityTypeKey } from "~/lib/ocop-display";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const result = await getProducer(params.handle ?? "", await getLang(request));
  if (!result) throw new Response(null, { status: 404 });
  const { producer, products, listings } = result;
  return data({ producer, products, listings }, { headers: PUBLIC_CACHE_HEADERS });
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches);
  if (!data) return notFoundSeo(matches, "producer.notFoundTitle");
  const { producer, products } = data;
  const province = producer.province?.name_vi;
  return pageSeo({
    matches,
    path: `/producers/${producer.handle}`,
    title: producer.name,
    description: province
      ? t(lang, "seo.producerDescription", { name: producer.name, province })
      : t(lang, "seo.producerDescriptionNoProvince", { name: producer.name }),
    image: products.find((p) => p.thumbnail)?.thumbnail ?? null,
  });
};

export default function ProducerPage() {
  const { producer, products, listings } = useLoaderData<typeof loader>();
  const tr = useT();
  const typeKey = entityTypeKey(producer.entity_type);
  const province = producer.province?.name_vi ?? Object.values(listings)[0]?.province?.name_vi ?? null;
  return (
    <Container className="py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-lacquer-600">{tr("producer.heading")}</p>
      <h1 className="mt-1 font-display text-3xl font-bold">{producer.name}</h1>
      <div className="mt-3 flex flex-wrap gap-2">
        {typeKey ? <Badge>{tr(typeKey)}</Badge> : null}
        {province ? <Badge tone="gold">{province}</Badge> : null}
      </div>
      {producer.story ? (
        <section className="mt-6 max-w-3xl" aria-labelledby="story-heading">
          <h2 id="story-heading" className="font-display text-xl font-bold">
            {tr("producer.story")}
          </h2>
          <p className="mt-2 whitespace-pre-line leading-relaxed">{producer.story}</p>
        </section>
      ) : null}
      <section className="mt-10" aria-labelledby="producer-products">
        <h2 id="producer-products" className="mb-4 font-display text-xl font-bold">
          {tr("producer.products")}
        </h2>
        {products.length ? (
          <ProductGrid products={products} listings={listings} />
        ) : (
          <p className="text-ink-soft">{tr("producer.noProducts")}</p>
        )}
      </section>
    </Container>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError(), "producerNotFound")} />;
}
