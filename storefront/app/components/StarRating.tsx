import { useT } from "~/lib/i18n";

/** OCOP stars (3–5 for certified products). Announced as "4 sao" / "4 stars". */
export function StarRating({ stars, size = "md" }: { stars: number; size?: "sm" | "md" | "lg" }) {
  const tr = useT();
  const n = Math.max(0, Math.min(5, Math.round(stars)));
  const text = size === "lg" ? "text-2xl" : size === "sm" ? "text-sm" : "text-base";
  return (
    <span role="img" aria-label={tr("stars.label", { n })} className={`inline-flex leading-none ${text}`}>
      <span aria-hidden="true" className="text-gold-500">
        {"★".repeat(n)}
      </span>
      <span aria-hidden="true" className="text-clay">
        {"★".repeat(5 - n)}
      </span>
    </span>
  );
}
