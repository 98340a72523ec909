// Any URL no other route matches: a 404 inside the layout (so the root loader runs and the page
// knows its language), titled, described and kept out of search engines' index.
import type { MetaFunction } from "@remix-run/node";
import { useRouteError } from "@remix-run/react";
import { ErrorPage, errorKind } from "~/components/ErrorPage";
import { notFoundSeo } from "~/lib/meta";

export function loader() {
  throw new Response(null, { status: 404 });
}

export const meta: MetaFunction = ({ matches }) => notFoundSeo(matches);

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage {...errorKind(useRouteError())} />;
}
