/** Handles for the sitemap through GET /store/ocop/sitemap (listed products, active producers), paged. */
import { z } from "zod";
import { optional } from "./client.server";

export const SITEMAP_PAGE_SIZE = 5_000;

const pageSchema = z.object({
  entries: z.array(z.object({ handle: z.string(), updated_at: z.string().nullish() })),
  count: z.number(),
});
export type SitemapPage = z.infer<typeof pageSchema>;

export async function getSitemapPage(kind: "products" | "producers", page: number): Promise<SitemapPage | null> {
  return optional(`/store/ocop/sitemap?kind=${kind}&page=${page}&limit=${SITEMAP_PAGE_SIZE}`, pageSchema);
}
