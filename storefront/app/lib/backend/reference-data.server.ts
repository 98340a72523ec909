/**
 * Reference data the backend rarely changes: the VND region (prices), the
 * provinces and the OCOP product groups.
 */
import { z } from "zod";
import { core, getSdk, optional } from "./client.server";

/** How other answers name a province or a product group. */
export const provinceRefSchema = z.object({ slug: z.string(), name_vi: z.string() });
export const groupRefSchema = z.object({ slug: z.string(), name_vi: z.string(), name_en: z.string() });

export type VndRegion = { id: string; currency_code: string };
let vndRegion: VndRegion | undefined;

/** The region priced in VND, cached for the life of the process once found. */
export async function getVndRegion(): Promise<VndRegion | null> {
  if (vndRegion) return vndRegion;
  const { regions } = await core(() => getSdk().store.region.list({ fields: "id,currency_code", limit: 100 }));
  const found = regions.find((r) => r.currency_code?.toLowerCase() === "vnd");
  if (!found) {
    // Not cached: the region may be created by the seed while we run.
    console.warn("[storefront] no region with currency VND; prices are hidden.");
    return null;
  }
  vndRegion = { id: found.id, currency_code: found.currency_code };
  return vndRegion;
}

export async function listProvinces() {
  const r = await optional("/store/ocop/provinces", z.object({ provinces: z.array(provinceRefSchema.passthrough()) }));
  return r?.provinces ?? [];
}

/** The provinces as a form's select offers them: the code as value, the Vietnamese name as label. */
export async function provinceOptions() {
  return (await listProvinces())
    .map((p) => ({ value: String((p as { code?: unknown }).code ?? ""), label: p.name_vi }))
    .filter((p) => p.value);
}

export async function listGroups() {
  const r = await optional(
    "/store/ocop/groups",
    z.object({
      groups: z.array(groupRefSchema.passthrough()),
    })
  );
  return r?.groups ?? [];
}

const provinceSchema = provinceRefSchema.extend({
  former_provinces: z.array(provinceRefSchema).default([]),
});
export type ProvinceInfo = z.infer<typeof provinceSchema>;

const groupSchema = groupRefSchema.extend({
  subgroups: z.array(groupRefSchema).default([]),
});
export type GroupInfo = z.infer<typeof groupSchema>;

/**
 * A static list from the backend (provinces, product groups), validated row by row and cached in
 * memory once it has been fetched; an empty answer is not cached, so the next request retries.
 */
function cachedStaticList<S extends z.ZodTypeAny>(path: string, key: string, row: S): () => Promise<z.infer<S>[]> {
  type T = z.infer<S>;
  let cache: T[] | undefined;
  return async () => {
    if (cache) return cache;
    const r = await optional(path, z.object({ [key]: z.array(z.unknown()) }));
    const list = ((r as Record<string, unknown[]> | null)?.[key] ?? []).flatMap((item) => {
      const parsed = row.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    if (list.length) cache = list;
    return list;
  };
}

/** The 34 current provincial units with their former provinces (static data). */
export const getProvinces = cachedStaticList("/store/ocop/provinces", "provinces", provinceSchema);

/** The OCOP product groups with their subgroups (static data). */
export const getGroups = cachedStaticList("/store/ocop/groups", "groups", groupSchema);
