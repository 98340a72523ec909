import type { SavedAddress } from "~/lib/backend/customer.server";
import { RadioCard } from "~/components/RadioCard";
import { useT } from "~/lib/i18n";

/** The choice that leaves the address fields empty. */
export const NEW_ADDRESS = "new";

/** Phones are saved as +84…; the form shows them the way people write them (0…). */
const localPhone = (phone: string | null) => (phone?.startsWith("+84") ? `0${phone.slice(3)}` : (phone ?? ""));

/**
 * The checkout fields a saved address (and the account's email) fill in. A saved address without a
 * province code (saved before the 34 units) leaves the province to choose.
 */
export function prefilledValues(
  prefill: { email: string | null; addresses: SavedAddress[] } | null,
  choice: string
): Record<string, string> {
  const email: Record<string, string> = prefill?.email ? { email: prefill.email } : {};
  const a = prefill?.addresses.find((x) => x.id === choice);
  if (!a) return email;
  return {
    ...email,
    full_name: a.full_name,
    phone: localPhone(a.phone),
    address: a.address,
    ward: a.ward,
    province_code: a.province_code ?? "",
  };
}

/** Saved addresses as choices above the address form; picking one fills the form (still editable). */
export function SavedAddressPicker({
  addresses,
  chosen,
  onChoose,
}: {
  addresses: SavedAddress[];
  chosen: string;
  onChoose: (id: string) => void;
}) {
  const tr = useT();
  if (addresses.length === 0) return null;
  return (
    <fieldset className="space-y-2" data-testid="saved-addresses">
      <legend className="font-medium">{tr("checkout.savedAddresses")}</legend>
      <p className="text-sm text-ink-soft">{tr("checkout.savedAddressesHint")}</p>
      {addresses.map((a) => (
        <RadioCard
          key={a.id}
          name="saved_address"
          value={a.id}
          checked={chosen === a.id}
          onChoose={() => onChoose(a.id)}
          className="text-sm"
        >
          <span>
            <span className="block font-medium">
              {a.full_name}
              {a.phone ? ` · ${localPhone(a.phone)}` : null}
            </span>
            <span className="block text-ink-soft">{[a.address, a.ward, a.province].filter(Boolean).join(", ")}</span>
          </span>
        </RadioCard>
      ))}
      <RadioCard
        name="saved_address"
        value={NEW_ADDRESS}
        checked={chosen === NEW_ADDRESS}
        onChoose={() => onChoose(NEW_ADDRESS)}
        className="text-sm"
      >
        <span className="font-medium">{tr("checkout.newAddress")}</span>
      </RadioCard>
    </fieldset>
  );
}
