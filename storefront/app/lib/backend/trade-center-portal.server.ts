/** The trade-centre portal's backend calls: its province's certifications, decisions, figures. */
import { portalRequest } from "./portal-api.server";
import type { CuratorCertification } from "./views";

export const tradeCenter = {
  me: (token: string) =>
    portalRequest<{ trade_center: { id: string; name: string; province_code: string } }>("/trade-center/me", { token }),
  certifications: (token: string, status?: string) =>
    portalRequest<{ certifications: CuratorCertification[]; count: number }>(
      `/trade-center/certifications?limit=100${status ? `&status=${encodeURIComponent(status)}` : ""}`,
      { token }
    ),
  decide: (token: string, id: string, action: string, reason?: string) =>
    portalRequest<{ certification: CuratorCertification }>(
      `/trade-center/certifications/${encodeURIComponent(id)}/${encodeURIComponent(action)}`,
      { method: "POST", token, body: reason ? { reason } : {} }
    ),
  stats: (token: string) =>
    portalRequest<{
      province_code: string;
      approved: number;
      by_stars: Record<string, number>;
      by_group: Record<string, number>;
    }>("/trade-center/stats", { token }),
};
