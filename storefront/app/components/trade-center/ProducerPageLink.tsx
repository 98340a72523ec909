import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n";

/** From a curator's page to the producer's public shop page, named. */
export function ProducerPageLink({ producer }: { producer: { handle: string; name: string } }) {
  const tr = useT();
  return (
    <Link to={`/producers/${encodeURIComponent(producer.handle)}`} className="text-lacquer-700 underline">
      {tr("tc.viewProducer")}: {producer.name}
    </Link>
  );
}
