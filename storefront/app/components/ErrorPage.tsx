import { Link, isRouteErrorResponse } from "@remix-run/react";
import { useT, type MessageKey } from "~/lib/i18n";
import { buttonClasses } from "./Button";
import { Container } from "./Container";

type Kind = "notFound" | "productNotFound" | "producerNotFound" | "config" | "backend" | "generic";

const texts: Record<Kind, [MessageKey, MessageKey]> = {
  notFound: ["error.notFoundTitle", "error.notFoundBody"],
  productNotFound: ["error.productNotFoundTitle", "error.productNotFoundBody"],
  producerNotFound: ["producer.notFoundTitle", "producer.notFoundBody"],
  config: ["error.configTitle", "error.configBody"],
  backend: ["error.backendTitle", "error.backendBody"],
  generic: ["error.genericTitle", "error.genericBody"],
};

/** Picks the message for whatever a loader threw. `notFound` overrides the 404 text. */
export function errorKind(error: unknown, notFound: Kind = "notFound"): { kind: Kind; status: number } {
  if (isRouteErrorResponse(error)) {
    const code = (error.data as { code?: string } | null)?.code;
    if (code === "missing_publishable_key") return { kind: "config", status: error.status };
    if (code === "backend_unavailable") return { kind: "backend", status: error.status };
    if (error.status === 404) return { kind: notFound, status: 404 };
    return { kind: "generic", status: error.status };
  }
  return { kind: "generic", status: 500 };
}

export function ErrorPage({ kind, status }: { kind: Kind; status: number }) {
  const tr = useT();
  const [title, body] = texts[kind];
  return (
    <Container className="py-16 sm:py-24">
      <div className="mx-auto max-w-xl text-center" data-testid="error-page" data-status={status}>
        <p className="text-sm font-semibold uppercase tracking-wide text-lacquer-600">
          {tr("error.status", { status })}
        </p>
        <h1 className="mt-3 font-display text-3xl font-bold text-ink sm:text-4xl">{tr(title)}</h1>
        <p className="mt-4 text-ink-soft">{tr(body)}</p>
        <Link to="/" className={buttonClasses("primary", "mt-8")}>
          {tr("error.backHome")}
        </Link>
      </div>
    </Container>
  );
}
