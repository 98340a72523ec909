import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useFetcher,
  useLoaderData,
  useRouteError,
  useSubmit,
} from "@remix-run/react";
import { CertificateQr } from "~/components/CertificateQr";
import { Badge } from "~/components/Badge";
import { Button } from "~/components/Button";
import { Container } from "~/components/Container";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { Price } from "~/components/Price";
import { ProductImage } from "~/components/ProductImage";
import { StarRating } from "~/components/StarRating";
import { formatDate, type MessageKey, useLang, useT } from "~/lib/i18n";
import { PUBLIC_CACHE_HEADERS, getLang } from "~/lib/lang.server";
import { getCertification, getListings, type Certification, type Producer } from "~/lib/backend/ocop-facts.server";
import { getProductByHandle } from "~/lib/backend/products.server";
import type { StockState, VariantView } from "~/lib/backend/views";
import { langFromMatches, notFoundSeo, pageSeo } from "~/lib/meta";
import { productJsonLd } from "~/lib/product-seo";
import { addLineFromForm } from "~/lib/cart.server";
import { AddToCartResult } from "~/components/AddToCartResult";
import { ADD_TO_CART_FETCHER } from "~/lib/pending-cart";
import { SUBMISSION_KEY_FIELD, useSubmissionKey } from "~/lib/submission-key";
import { entityTypeKey, shownStatus, statusKey, statusTone } from "~/lib/ocop-display";
import { FormRow } from "~/components/FormRow";
import { hydrateAfterLoad } from "~/lib/hydrate-after-load";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const handle = params.handle ?? "";
  // Two rounds: the product by handle, then what needs only its id, at once.
  const product = await getProductByHandle(handle, await getLang(request));
  if (!product) throw new Response(null, { status: 404 });
  const [certified, listings] = await Promise.all([getCertification(product.id), getListings([product.id])]);
  const listing = listings[product.id] ?? null;

  const wanted = new URL(request.url).searchParams.get("variant");
  const selected = product.variants.find((v) => v.id === wanted) ?? product.variants[0] ?? null;

  return data(
    {
      product,
      selectedVariantId: selected?.id ?? null,
      certification: certified?.certification ?? null,
      producer: certified?.producer ?? null,
      listing,
    },
    { headers: PUBLIC_CACHE_HEADERS }
  );
}

// A catalogue page: painted from its HTML first, hydrated after load (lib/hydrate-after-load.tsx).
export const handle = hydrateAfterLoad;

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  // After "add to cart" the page carries the session cookie: personal, never cached.
  const cookie = actionHeaders.get("Set-Cookie");
  if (cookie) return { "Set-Cookie": cookie, "Cache-Control": "private, no-store" };
  return errorHeaders ?? loaderHeaders;
};

/** "Thêm vào giỏ hàng": adds the line; an unlisted product is refused by the backend (4xx) and its message shown. */
export async function action({ request, context }: ActionFunctionArgs) {
  return addLineFromForm(request, context);
}

// Adding to the cart changes neither the product nor its stock: the page's data is not fetched again
// (the root loader still is, for the cart count).
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  formAction,
  currentUrl,
  defaultShouldRevalidate,
}) =>
  formMethod?.toUpperCase() === "POST" && formAction && new URL(formAction, currentUrl).pathname === currentUrl.pathname
    ? false
    : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches);
  if (!data) return notFoundSeo(matches, "error.productNotFoundTitle");
  const { product } = data;
  const facts = productJsonLd({ ...data, lang, matches });
  return pageSeo({
    matches,
    path: `/products/${product.handle}`,
    title: product.title,
    description: product.description ?? facts.summary,
    image: facts.image,
    type: "product",
    extra: facts.descriptors,
  });
};

const stockKey: Record<StockState, MessageKey | null> = {
  in_stock: "product.inStock",
  low: "product.lowStock",
  out_of_stock: "product.outOfStock",
  backorder: "product.backorder",
  unknown: null,
};

function StockLine({ variant }: { variant: VariantView }) {
  const tr = useT();
  const key = stockKey[variant.stock];
  if (!key) return null;
  const tone = variant.stock === "out_of_stock" ? "danger" : variant.stock === "in_stock" ? "success" : "warning";
  return <Badge tone={tone}>{tr(key, { n: variant.quantity ?? 0 })}</Badge>;
}

/** The main photo fills the page's first column (two columns from `lg`), its thumbnails a quarter of it. */
const GALLERY_SIZES = "(min-width: 1152px) 532px, (min-width: 1024px) 50vw, 100vw";
const GALLERY_THUMB_SIZES = "(min-width: 1152px) 124px, (min-width: 1024px) 12vw, 25vw";

function Gallery({
  title,
  images,
  thumbnail,
}: {
  title: string;
  images: { id: string; url: string; metadata?: { alt?: unknown } | null }[];
  thumbnail: string | null;
}) {
  const tr = useT();
  const altOf = (img: { metadata?: { alt?: unknown } | null }, n: number) =>
    typeof img.metadata?.alt === "string" && img.metadata.alt ? img.metadata.alt : tr("product.imageAlt", { n, title });
  const list = images.length > 0 ? images : thumbnail ? [{ id: "thumbnail", url: thumbnail }] : [];
  if (list.length === 0) {
    return <ProductImage src={null} alt={title} className="aspect-square w-full rounded-2xl border border-clay" />;
  }
  const [first, ...rest] = list;
  return (
    <section aria-label={tr("product.gallery")} className="space-y-3">
      <ProductImage
        src={first.url}
        alt={altOf(first, 1)}
        priority
        sizes={GALLERY_SIZES}
        className="aspect-square w-full rounded-2xl border border-clay"
      />
      {rest.length > 0 ? (
        <ul className="grid grid-cols-4 gap-3">
          {rest.map((img, i) => (
            <li key={img.id}>
              <ProductImage
                src={img.url}
                alt={altOf(img, i + 2)}
                sizes={GALLERY_THUMB_SIZES}
                className="aspect-square w-full rounded-lg border border-clay"
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  if (value === null || value === undefined || value === "") return null;
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-3 py-2 text-sm">
      <dt className="text-ink-soft">{label}</dt>
      <dd className="font-medium text-ink">{value}</dd>
    </div>
  );
}

function CertificationPanel({ certification }: { certification: Certification | null }) {
  const tr = useT();
  const lang = useLang();
  const dateOf = (value: string | null | undefined) => (value ? formatDate(value, lang) : null);
  return (
    <section aria-labelledby="cert-heading" className="rounded-2xl border border-gold-400/50 bg-gold-50 p-5">
      <h2 id="cert-heading" className="font-display text-lg font-bold text-ink">
        {tr("cert.heading")}
      </h2>
      {certification ? (
        (() => {
          const status = shownStatus(certification);
          return (
            <>
              <div className="mt-3 flex flex-wrap items-center gap-3">
                {status === "approved" ? (
                  <>
                    <StarRating stars={certification.stars} size="lg" />
                    <span className="font-semibold">{tr("stars.badge", { n: certification.stars })}</span>
                  </>
                ) : null}
                <Badge tone={statusTone(status)}>{tr(statusKey(status))}</Badge>
              </div>
              <dl className="mt-3 divide-y divide-clay/60">
                <Fact label={tr("cert.stars")} value={tr("stars.label", { n: certification.stars })} />
                <Fact label={tr("cert.score")} value={certification.score ?? null} />
                <Fact label={tr("cert.certificateNumber")} value={certification.certificate_number} />
                <Fact label={tr("cert.decisionNumber")} value={certification.decision_number} />
                <Fact label={tr("cert.decisionDate")} value={dateOf(certification.decision_date)} />
                <Fact
                  label={tr("cert.group")}
                  value={
                    certification.group
                      ? lang === "vi"
                        ? certification.group.name_vi
                        : certification.group.name_en
                      : null
                  }
                />
                <Fact label={tr("cert.issuingAuthority")} value={certification.issuing_authority} />
                <Fact label={tr("cert.legalBasis")} value={certification.legal_basis} />
                <Fact label={tr("cert.validFrom")} value={dateOf(certification.valid_from)} />
                <Fact label={tr("cert.validTo")} value={dateOf(certification.expires_at)} />
                <Fact label={tr("cert.province")} value={certification.province?.name_vi} />
                <Fact label={tr("cert.traceability")} value={certification.traceability_code} />
                <Fact label={tr("cert.status")} value={tr(statusKey(status))} />
              </dl>
              <CertificateQr code={certification.certificate_number || certification.traceability_code} />
            </>
          );
        })()
      ) : (
        <p className="mt-2 text-sm text-ink-soft">{tr("cert.unavailable")}</p>
      )}
    </section>
  );
}

function ProducerBlock({ producer, provinceName }: { producer: Producer; provinceName: string | null }) {
  const tr = useT();
  const typeKey = entityTypeKey(producer.entity_type);
  return (
    <section aria-labelledby="producer-heading" className="rounded-2xl border border-clay bg-white p-5">
      <h2 id="producer-heading" className="text-sm font-semibold uppercase tracking-wide text-ink-soft">
        {tr("producer.heading")}
      </h2>
      {/* a heading, not a bold paragraph (axe: p-as-heading) */}
      <h3 className="mt-2 font-display text-lg font-bold">
        <Link to={`/producers/${producer.handle}`} className="text-ink hover:text-lacquer-700">
          {producer.name}
        </Link>
      </h3>
      <dl className="mt-1">
        <Fact label={tr("producer.type")} value={typeKey ? tr(typeKey) : null} />
        <Fact label={tr("producer.province")} value={provinceName} />
      </dl>
      {producer.story ? <p className="mt-2 line-clamp-4 text-sm text-ink-soft">{producer.story}</p> : null}
      <Link
        to={`/producers/${producer.handle}`}
        className="mt-3 inline-block text-sm font-medium text-lacquer-700 underline"
      >
        {tr("producer.viewPage")}
      </Link>
    </section>
  );
}

export default function ProductPage() {
  const { product, selectedVariantId, certification, producer, listing } = useLoaderData<typeof loader>();
  // With JavaScript the add goes through a fetcher (no navigation, the header counts the units at once);
  // without it the same form posts and the page comes back with the action's answer.
  const actionData = useActionData<typeof action>();
  // One fetcher per product and variant: its answer ("added", "sold out") must not stay on the page
  // of another product or variant reached without a reload (search box, variant picker).
  const addToCart = useFetcher<typeof action>({ key: `${ADD_TO_CART_FETCHER}:${product.id}:${selectedVariantId}` });
  // Busy until the backend answers; its answer shows at once, while the header's count is re-read.
  const adding = addToCart.state === "submitting";
  const addKey = useSubmissionKey(addToCart.data ?? actionData);
  const submit = useSubmit();
  const tr = useT();
  const lang = useLang();
  const variant = product.variants.find((v) => v.id === selectedVariantId) ?? null;
  const shownProducer = producer ?? (listing?.producer ? { ...listing.producer, story: null } : null);
  const provinceName =
    certification?.province?.name_vi ?? listing?.province?.name_vi ?? producer?.province?.name_vi ?? null;
  const provinceSlug = certification?.province?.slug ?? listing?.province?.slug ?? producer?.province?.slug ?? null;

  return (
    <Container className="py-8 sm:py-12">
      <nav aria-label={tr("product.breadcrumb")} className="mb-6 text-sm text-ink-soft">
        <Link to="/" className="hover:text-lacquer-700">
          {tr("nav.home")}
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{product.title}</span>
      </nav>

      <div className="grid gap-10 lg:grid-cols-2">
        <Gallery title={product.title} images={product.images} thumbnail={product.thumbnail} />

        <div className="space-y-6">
          <div>
            {provinceName || listing?.group ? (
              <p className="mb-2 flex flex-wrap items-center gap-2 text-sm text-ink-soft">
                {provinceName ? (
                  provinceSlug ? (
                    <Link
                      to={`/provinces/${provinceSlug}`}
                      className="underline decoration-clay underline-offset-2 hover:text-lacquer-700"
                      title={tr("search.moreFrom", { name: provinceName })}
                    >
                      {provinceName}
                    </Link>
                  ) : (
                    <span>{provinceName}</span>
                  )
                ) : null}
                {provinceName && listing?.group ? <span aria-hidden="true">·</span> : null}
                {listing?.group ? (
                  <Link
                    to={`/groups/${listing.group.slug}`}
                    className="underline decoration-clay underline-offset-2 hover:text-lacquer-700"
                  >
                    {lang === "vi" ? listing.group.name_vi : listing.group.name_en}
                  </Link>
                ) : null}
              </p>
            ) : null}
            <h1 className="font-display text-3xl font-bold leading-tight text-ink sm:text-4xl">{product.title}</h1>
            {product.subtitle ? <p className="mt-2 text-lg text-ink-soft">{product.subtitle}</p> : null}
          </div>

          <div className="flex flex-wrap items-center gap-3">
            <Price amount={variant?.amount} className="text-3xl" />
            {variant ? <StockLine variant={variant} /> : null}
          </div>

          {product.variants.length > 1 ? (
            <Form method="get" className="flex flex-wrap items-end gap-3" preventScrollReset>
              <FormRow htmlFor="variant" label={tr("product.variant")}>
                <select
                  id="variant"
                  name="variant"
                  defaultValue={selectedVariantId ?? undefined}
                  onChange={(e) => submit(e.currentTarget.form, { preventScrollReset: true, replace: true })}
                  className="rounded-lg border border-clay bg-white px-3 py-2 text-sm"
                >
                  {product.variants.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.title}
                    </option>
                  ))}
                </select>
              </FormRow>
              <Button type="submit" variant="secondary">
                {tr("product.chooseVariant")}
              </Button>
            </Form>
          ) : null}

          <addToCart.Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="variant_id" value={variant?.id ?? ""} />
            <input type="hidden" name={SUBMISSION_KEY_FIELD} value={addKey} />
            <FormRow htmlFor="quantity" label={tr("product.quantity")}>
              <input
                id="quantity"
                name="quantity"
                type="number"
                min={1}
                max={99}
                defaultValue={1}
                className="w-24 rounded-lg border border-clay bg-white px-3 py-2 text-sm"
              />
            </FormRow>
            <Button
              type="submit"
              aria-busy={adding}
              data-testid="add-to-cart"
              disabled={!variant || variant.stock === "out_of_stock" || adding}
            >
              {adding ? tr("cart.adding") : tr("product.addToCart")}
            </Button>
          </addToCart.Form>
          <AddToCartResult result={adding ? undefined : (addToCart.data ?? actionData)} />

          <CertificationPanel certification={certification} />
          {shownProducer ? <ProducerBlock producer={shownProducer} provinceName={provinceName} /> : null}
        </div>
      </div>

      {product.description ? (
        <section aria-labelledby="description-heading" className="mt-12 max-w-3xl">
          <h2 id="description-heading" className="font-display text-2xl font-bold">
            {tr("product.description")}
          </h2>
          <p className="mt-3 whitespace-pre-line leading-relaxed text-ink">{product.description}</p>
        </section>
      ) : null}
    </Container>
  );
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError(), "productNotFound")} />;
}
