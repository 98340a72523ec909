import { imageSrcInLang, photoSrcSet, publicFileSrc, sameSiteArtwork } from "~/lib/file-url";
import { useLang, useT } from "~/lib/i18n";

/** React 18 knows no `fetchPriority` prop; the lowercase attribute passes through as written. */
const FETCH_FIRST = { fetchpriority: "high" } as Record<string, string>;

/**
 * A product photo (an uploaded one is fetched through this site's /files route, in the width the
 * layout needs: `sizes` says how wide it is shown), or a neutral placeholder. `priority` marks the
 * page's largest image above the fold: loaded at once and before the other images (issue 14, LCP).
 */
export function ProductImage({
  src,
  alt,
  className = "",
  eager = false,
  priority = false,
  sizes,
}: {
  src: string | null | undefined;
  alt: string;
  className?: string;
  eager?: boolean;
  priority?: boolean;
  sizes?: string;
}) {
  const tr = useT();
  const lang = useLang();
  const shown = imageSrcInLang(sameSiteArtwork(publicFileSrc(src)), lang);
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
  const srcSet = sizes ? photoSrcSet(shown) : null;
  return (
    <img
      src={srcSet ? srcSet.fallback : shown}
      srcSet={srcSet?.srcSet}
      sizes={srcSet ? sizes : undefined}
      alt={alt}
      loading={eager || priority ? "eager" : "lazy"}
      decoding={priority ? undefined : "async"}
      {...(priority ? FETCH_FIRST : {})}
      className={`bg-paper-deep object-cover ${className}`}
    />
  );
}
