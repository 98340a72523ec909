import { TextLink } from "~/components/TextLink";
import { useT } from "~/lib/i18n";

/**
 * The traceability QR of a product page: a server-rendered PNG (route verify_.qr[.png]) that opens
 * the public verification page of the product's certificate, plus the same link for those who can
 * click. Nothing when the certificate has neither a number nor a traceability code.
 */
export function CertificateQr({ code }: { code: string | null | undefined }) {
  const tr = useT();
  if (!code) return null;
  const verifyHref = `/verify?code=${encodeURIComponent(code)}`;
  return (
    <figure className="mt-4 flex items-center gap-4" data-testid="certificate-qr">
      <img
        src={`/verify/qr.png?code=${encodeURIComponent(code)}`}
        alt={tr("qr.alt", { code })}
        width={120}
        height={120}
        loading="lazy"
        className="size-30 shrink-0 rounded-lg border border-clay bg-white"
      />
      <figcaption className="text-sm text-ink-soft">
        {tr("qr.caption")} <TextLink to={verifyHref}>{tr("cert.verifyLink")}</TextLink>
      </figcaption>
    </figure>
  );
}
