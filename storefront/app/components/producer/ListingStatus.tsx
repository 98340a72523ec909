import { Badge } from "~/components/Badge";
import { useT } from "~/lib/i18n";
import { useReasonText } from "~/lib/producer-portal-display";

/** Whether the listing gate lets the product be seen and bought. */
export function ListedBadge({ listed }: { listed: boolean }) {
  const tr = useT();
  return <Badge tone={listed ? "success" : "warning"}>{listed ? tr("vp.listed") : tr("vp.notListed")}</Badge>;
}

/** Why the gate keeps a product off sale, in the producer's language; nothing when it is listed. */
export function WhyNotListed({
  listed,
  reasons,
  className,
}: {
  listed: boolean;
  reasons: string[];
  className: string;
}) {
  const tr = useT();
  const reasonText = useReasonText();
  if (listed || reasons.length === 0) return null;
  return (
    <p className={`${className} text-sm text-lacquer-800`} data-testid="blocked-reasons">
      {tr("vp.why")}: {reasons.map(reasonText).join("; ")}.
    </p>
  );
}
