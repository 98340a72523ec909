import type { viPortals2 } from "./portals2.vi";

export const enPortals2: Record<keyof typeof viPortals2, string> = {
  "pt.nav": "Team",
  "pt.title": "Your shop's logins",
  "pt.intro":
    "The people who log in to this shop. Each person uses their own login; the shop's owner cannot be removed.",
  "pt.owner": "Owner",
  "pt.invite": "Add a manager",
  "pt.inviteEmail": "Manager's email",
  "pt.invitePasswordHint": "Give this password to them through a separate channel.",
  "pt.removeConfirm": "Remove {email} from the shop? They will no longer be able to log in.",
  "ps.stock": "Units in stock",
  "ps.stockHint": "Leave empty not to track stock (always available).",
  "ps.stockInvalid": "Units in stock is a whole number from 0 to 1,000,000.",
  "ps.notTracked": "Stock is not tracked: the product is always available. Enter a number to start tracking.",
  "ps.stockNow": "{reserved} held for orders not yet shipped · {available} still for sale.",
  "ps.available": "{n} left",
  "tp.nav": "Producers to approve",
  "tp.title": "Producers waiting for approval",
  "tp.intro":
    "Cooperatives, enterprises and household businesses of your province that signed up. Approve them to list.",
  "tp.empty": "No producer is waiting for approval.",
  "tp.approve": "Approve producer",
  "tp.approved": "Producer {name} approved.",
};
