import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { suggestProducts } from "~/lib/backend/search.server";

/**
 * Resource route for the header's type-ahead: GET /api/suggest?q= →
 * { suggestions: [{ handle, title, highlight }] } from /store/ocop/search/suggest.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const suggestions = q.trim().length >= 2 ? await suggestProducts(q) : [];
  return data({ q, suggestions }, { headers: { "Cache-Control": "public, max-age=60" } });
}
