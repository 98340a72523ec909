import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Badge } from "~/components/Badge";
import { Button } from "~/components/Button";
import { Container } from "~/components/Container";
import { StarRating } from "~/components/StarRating";
import { formatDate, useLang, useT, type MessageKey } from "~/lib/i18n";
import { backendBaseUrl } from "~/lib/backend/client.server";
import { verifyCode } from "~/lib/backend/ocop-facts.server";
import { describedPage } from "~/lib/meta";

/** Shared by the loader and the form: what a code may look like. */
const codeSchema = z
  .string()
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().min(1, "verify.codeRequired").max(120, "verify.codeTooLong"));

/** A scan served by the backend's file route is addressed from the shopper's browser. */
function backendUrl(url: string): string {
  return new URL(url, backendBaseUrl()).toString();
}

function productTitle(product: { title: string; title_en?: string | null }, lang: string): string {
  return lang === "en" && product.title_en ? product.title_en : product.title;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  // Personal look-ups are not cached.
  const headers = { "Cache-Control": "private, no-store" };
  if (raw === null) return data({ code: "", error: null, outcome: null }, { headers });
  const parsed = codeSchema.safeParse(raw);
  if (!parsed.success) {
    const error = parsed.error.issues[0]?.message as MessageKey;
    return data({ code: raw.slice(0, 120), error, outcome: null }, { status: 400, headers });
  }
  const found = await verifyCode(parsed.data);
  const result = found?.certification?.scan_url
    ? { ...found, certification: { ...found.certification, scan_url: backendUrl(found.certification.scan_url) } }
    : found;
  return data(
    {
      code: parsed.data,
      error: null,
      outcome: result ? { available: true as const, ...result } : { available: false as const },
    },
    { headers }
  );
}

export const meta: MetaFunction = ({ matches }) => describedPage(matches, "verify.title", "seo.verifyDescription");

const tone = {
  valid: "success",
  expired: "danger",
  revoked: "danger",
  suspended: "warning",
  unknown: "neutral",
} as const;

export default function VerifyPage() {
  const { code, error, outcome } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const tr = useT();
  const lang = useLang();
  const cert = outcome?.available ? outcome.certification : null;
  return (
    <Container className="py-10">
      <div className="max-w-3xl">
        <h1 className="font-display text-3xl font-bold">{tr("verify.title")}</h1>
        <p className="mt-3 text-ink-soft">{tr("verify.intro")}</p>

        <Form method="get" className="mt-6 flex flex-col gap-2" noValidate>
          <label htmlFor="code" className="text-sm font-medium">
            {tr("verify.codeLabel")}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="code"
              name="code"
              defaultValue={code}
              required
              maxLength={120}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "code-error" : "code-hint"}
              className="min-w-0 flex-1 rounded-lg border border-clay bg-white px-3 py-2"
            />
            <Button type="submit" disabled={navigation.state === "loading"}>
              {tr("verify.submit")}
            </Button>
          </div>
          {error ? (
            <p id="code-error" className="text-sm font-medium text-lacquer-700">
              {tr(error)}
            </p>
          ) : (
            <p id="code-hint" className="text-sm text-ink-soft">
              {tr("verify.codeHint")}
            </p>
          )}
        </Form>

        {outcome ? (
          <section
            aria-live="polite"
            className="mt-8 rounded-2xl border border-clay bg-white p-6"
            data-testid="verify-result"
          >
            {outcome.available ? (
              <>
                <Badge tone={tone[outcome.result]}>{tr(`status.${outcome.result}` as MessageKey)}</Badge>
                <p className="mt-3 text-lg font-semibold">
                  {tr(`verify.result.${outcome.result}` as MessageKey, { code })}
                </p>
                {cert ? (
                  <dl className="mt-4 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-2 text-sm">
                    {outcome.product ? (
                      <>
                        <dt className="text-ink-soft">{tr("verify.product")}</dt>
                        <dd data-testid="verify-product">
                          {outcome.product.handle ? (
                            <Link to={`/products/${outcome.product.handle}`} className="text-lacquer-700 underline">
                              {productTitle(outcome.product, lang)}
                            </Link>
                          ) : (
                            <>
                              {productTitle(outcome.product, lang)}{" "}
                              <span className="text-ink-soft">{tr("verify.notListed")}</span>
                            </>
                          )}
                        </dd>
                      </>
                    ) : null}
                    {typeof cert.stars === "number" ? (
                      <>
                        <dt className="text-ink-soft">{tr("cert.stars")}</dt>
                        <dd>
                          <StarRating stars={cert.stars} size="sm" />
                        </dd>
                      </>
                    ) : null}
                    {outcome.producer ? (
                      <>
                        <dt className="text-ink-soft">{tr("verify.producer")}</dt>
                        <dd>
                          <Link to={`/producers/${outcome.producer.handle}`} className="text-lacquer-700 underline">
                            {outcome.producer.name}
                          </Link>
                        </dd>
                      </>
                    ) : null}
                    {cert.certificate_number ? (
                      <>
                        <dt className="text-ink-soft">{tr("cert.certificateNumber")}</dt>
                        <dd>{cert.certificate_number}</dd>
                      </>
                    ) : null}
                    {cert.issuing_authority ? (
                      <>
                        <dt className="text-ink-soft">{tr("cert.issuingAuthority")}</dt>
                        <dd>{cert.issuing_authority}</dd>
                      </>
                    ) : null}
                    {cert.valid_from ? (
                      <>
                        <dt className="text-ink-soft">{tr("cert.validFrom")}</dt>
                        <dd>{formatDate(cert.valid_from, lang)}</dd>
                      </>
                    ) : null}
                    {cert.expires_at ? (
                      <>
                        <dt className="text-ink-soft">{tr("cert.validTo")}</dt>
                        <dd>{formatDate(cert.expires_at, lang)}</dd>
                      </>
                    ) : null}
                  </dl>
                ) : null}
                {cert?.scan_url ? (
                  <figure className="mt-5">
                    <figcaption className="text-sm font-semibold">{tr("verify.scan")}</figcaption>
                    <img
                      src={cert.scan_url}
                      alt={tr("verify.scanAlt", { code })}
                      className="mt-2 max-h-[32rem] w-auto rounded-lg border border-clay"
                      data-testid="verify-scan"
                    />
                  </figure>
                ) : null}
              </>
            ) : (
              <p className="text-ink-soft">{tr("verify.unavailable")}</p>
            )}
          </section>
        ) : null}
      </div>
    </Container>
  );
}
