/**
 * Small OCOP display rules shared by pages: producer entity types and the
 * status a shopper should see for a certification.
 */
import type { BadgeTone } from "~/components/Badge";
import type { MessageKey } from "./i18n";

const ENTITY_KEYS: Record<string, MessageKey> = {
  cooperative: "entity.cooperative",
  enterprise: "entity.enterprise",
  cooperative_group: "entity.cooperative_group",
  household: "entity.household",
  household_business: "entity.household",
};

export function entityTypeKey(entityType: string | null | undefined): MessageKey | null {
  return (entityType && ENTITY_KEYS[entityType]) || null;
}

export type ShownStatus = "approved" | "submitted" | "rejected" | "expired" | "revoked" | "suspended" | "unknown";

/**
 * What the shopper sees. An "approved" certificate whose expiry date has
 * passed is shown as expired even if the daily expiry job has not run yet.
 */
export function shownStatus(cert: { status: string; expires_at?: string | null }, now: Date = new Date()): ShownStatus {
  const known: ShownStatus[] = ["approved", "submitted", "rejected", "expired", "revoked", "suspended"];
  const status = (known as string[]).includes(cert.status) ? (cert.status as ShownStatus) : "unknown";
  if (status === "approved" && cert.expires_at) {
    const expires = new Date(cert.expires_at);
    if (!Number.isNaN(expires.getTime()) && expires.getTime() <= now.getTime()) return "expired";
  }
  return status;
}

export function statusTone(status: ShownStatus): BadgeTone {
  switch (status) {
    case "approved":
      return "success";
    case "suspended":
    case "submitted":
      return "warning";
    case "expired":
    case "revoked":
    case "rejected":
      return "danger";
    default:
      return "neutral";
  }
}

export function statusKey(status: ShownStatus): MessageKey {
  return `status.${status}` as MessageKey;
}
