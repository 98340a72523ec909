/**
 * What checkout fills in for a signed-in shopper: the account's email and saved addresses. A guest,
 * or a token the backend no longer accepts, simply gets the empty form (checkout stays open to guests).
 */
import { getProfile, listAddresses, type SavedAddress } from "~/lib/backend/customer.server";
import { getCustomerToken } from "~/lib/session.server";

export type CheckoutPrefill = { email: string | null; addresses: SavedAddress[] };

export async function checkoutPrefill(request: Request): Promise<CheckoutPrefill | null> {
  const token = await getCustomerToken(request);
  if (!token) return null;
  const [profile, addresses] = await Promise.all([getProfile(token), listAddresses(token)]);
  if (!profile.ok && !addresses.ok) return null;
  return { email: profile.ok ? profile.data.email : null, addresses: addresses.ok ? addresses.data : [] };
}
