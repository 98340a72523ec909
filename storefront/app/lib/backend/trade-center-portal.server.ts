/** The trade-centre portal's backend calls: its province's certifications, decisions, lists, figures, export. */
import { portalCsv, portalRequest, portalTeam } from "./portal-api.server";
import type { CuratorCertification } from "./views";

export type FeaturedPlacement = "province" | "campaign" | "home";

export type CuratorFeaturedList = {
  id: string;
  title_vi: string;
  title_en?: string | null;
  placement: FeaturedPlacement;
  province_code?: string | null;
  product_ids: string[];
  starts_at?: string | null;
  ends_at?: string | null;
  created_at?: string | null;
};

export type ProvinceProduct = {
  id: string;
  title: string;
  handle: string;
  thumbnail: string | null;
  producer: { id: string; name: string };
  listed: boolean;
};

/** A product of the province as a curator inspects it (also when it is not on sale). */
export type CuratorProduct = {
  id: string;
  title: string;
  subtitle?: string | null;
  description?: string | null;
  handle: string;
  status: string;
  thumbnail: string | null;
  images?: { url: string }[] | null;
  producer?: { id: string; name: string; handle: string; status: string } | null;
  listed: boolean;
};

export type FeaturedListInput = {
  title_vi: string;
  title_en?: string | null;
  placement: FeaturedPlacement;
  product_ids: string[];
  starts_at?: string | null;
  ends_at?: string | null;
};

export type ProvinceFigures = {
  province_code: string;
  approved: number;
  pending: number;
  expiring_30_days: number;
  expired: number;
  by_status: Record<string, number>;
  by_stars: Record<string, number>;
  by_group: Record<string, number>;
  by_month: { month: string; submitted: number; approved: number }[];
};

/** A producer of the curator's province, as the approval queue shows it. */
export type CuratorProducer = {
  id: string;
  name: string;
  handle: string;
  entity_type: string;
  ward: string | null;
  phone: string | null;
  email: string | null;
  logo_url: string | null;
  status: string;
};

const listPath = (id: string) => `/trade-center/featured-lists/${encodeURIComponent(id)}`;

export const tradeCenter = {
  me: (token: string) =>
    portalRequest<{ trade_center: { id: string; name: string; province_code: string } }>("/trade-center/me", { token }),
  certifications: (token: string, status?: string) =>
    portalRequest<{ certifications: CuratorCertification[]; count: number; actions_needing_reason?: string[] }>(
      `/trade-center/certifications?limit=100${status ? `&status=${encodeURIComponent(status)}` : ""}`,
      { token }
    ),
  /** `key`: an Idempotency-Key, so a form sent twice (double click, retry) decides once. */
  decide: (token: string, id: string, action: string, reason?: string, key?: string) =>
    portalRequest<{ certification: CuratorCertification }>(
      `/trade-center/certifications/${encodeURIComponent(id)}/${encodeURIComponent(action)}`,
      { method: "POST", token, body: reason ? { reason } : {}, idempotencyKey: key }
    ),
  stats: (token: string) => portalRequest<ProvinceFigures>("/trade-center/stats", { token }),
  pendingProducers: (token: string) =>
    portalRequest<{ producers: CuratorProducer[]; count: number }>("/trade-center/producers?status=pending", {
      token,
    }),
  approveProducer: (token: string, id: string) =>
    portalRequest<{ producer: CuratorProducer }>(`/trade-center/producers/${encodeURIComponent(id)}/approve`, {
      method: "POST",
      token,
      body: {},
    }),
  featuredLists: (token: string) =>
    portalRequest<{ featured_lists: CuratorFeaturedList[] }>("/trade-center/featured-lists", { token }),
  featuredList: (token: string, id: string) =>
    portalRequest<{ featured_list: CuratorFeaturedList & { products: ProvinceProduct[] } }>(listPath(id), { token }),
  createFeaturedList: (token: string, body: FeaturedListInput) =>
    portalRequest<{ featured_list: CuratorFeaturedList }>("/trade-center/featured-lists", {
      method: "POST",
      token,
      body,
    }),
  updateFeaturedList: (token: string, id: string, body: FeaturedListInput) =>
    portalRequest<{ featured_list: CuratorFeaturedList }>(listPath(id), { method: "POST", token, body }),
  deleteFeaturedList: (token: string, id: string) =>
    portalRequest<{ id: string; deleted: boolean }>(listPath(id), { method: "DELETE", token }),
  provinceProducts: (token: string, q?: string) =>
    portalRequest<{ products: ProvinceProduct[] }>(
      `/trade-center/products?limit=200${q ? `&q=${encodeURIComponent(q)}` : ""}`,
      { token }
    ),
  product: (token: string, id: string) =>
    portalRequest<{ product: CuratorProduct; certifications: CuratorCertification[] }>(
      `/trade-center/products/${encodeURIComponent(id)}`,
      { token }
    ),
  /** The centre's curators. */
  team: portalTeam("/trade-center/curators", "curators"),
  /** The province's certifications as the backend's CSV (UTF-8 with BOM), passed through untouched. */
  exportCsv: (token: string) => portalCsv(token, "/trade-center/certifications/export", "ocop-chung-nhan.csv"),
};
