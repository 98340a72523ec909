import { imageSrcInLang, publicFileSrc } from "~/lib/file-url";
import { useLang, useT } from "~/lib/i18n";

/** A product photo (an uploaded one is fetched through this site's /files route), or a neutral placeholder. */
export function ProductImage({
  src,
  alt,
  className = "",
  eager = false,
}: {
  src: string | null | undefined;
  alt: string;
  className?: string;
  eager?: boolean;
}) {
  const tr = useT();
  const lang = useLang();
  const shown = imageSrcInLang(publicFileSrc(src), lang);
  if (!shown) {
    return (
      <div
        role="img"
        aria-label={tr("product.noImage")}
        className={`flex items-center justify-center bg-paper-deep text-clay ${className}`}
      >
        <svg aria-hidden="true" viewBox="0 0 64 64" className="h-1/3 w-1/3" fill="currentColor">
          <path d="M8 46l14-18 10 12 7-8 17 14v6H8z" />
          <circle cx="44" cy="20" r="6" />
        </svg>
      </div>
    );
  }
  return (
    <img
      src={shown}
      alt={alt}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={`bg-paper-deep object-cover ${className}`}
    />
  );
}
