/**
 * The fields every sign-in, sign-up, address and checkout form asks for, written once: the same
 * label, input type, autocomplete hint and keyboard everywhere (so a password manager and a phone
 * keyboard behave the same on every form). Values and errors come from the form's action data.
 */
import { SelectField, TextField } from "~/components/Field";
import { type MessageKey, useT } from "~/lib/i18n";

type Value = { defaultValue?: string; error?: string | null };

export function EmailField({
  defaultValue,
  error,
  label = "checkout.email",
  required = true,
  hint,
  autoComplete = "email",
}: Value & { label?: MessageKey; required?: boolean; hint?: string; autoComplete?: "email" | "username" }) {
  const tr = useT();
  return (
    <TextField
      name="email"
      type="email"
      label={tr(label)}
      required={required}
      autoComplete={autoComplete}
      hint={hint}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

export function PasswordField({
  error,
  label = "portal.password",
  hint,
  isNew = false,
}: {
  error?: string | null;
  label?: MessageKey;
  hint?: string;
  isNew?: boolean;
}) {
  const tr = useT();
  return (
    <TextField
      name="password"
      type="password"
      label={tr(label)}
      required
      autoComplete={isNew ? "new-password" : "current-password"}
      hint={hint}
      error={error}
    />
  );
}

export function PhoneField({
  defaultValue,
  error,
  label = "checkout.phone",
  required = true,
  hint,
}: Value & { label?: MessageKey; required?: boolean; hint?: string }) {
  const tr = useT();
  return (
    <TextField
      name="phone"
      type="tel"
      inputMode="tel"
      label={tr(label)}
      required={required}
      autoComplete="tel"
      hint={hint}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

export function FullNameField({ defaultValue, error }: Value) {
  const tr = useT();
  return (
    <TextField
      name="full_name"
      label={tr("checkout.fullName")}
      required
      autoComplete="name"
      defaultValue={defaultValue}
      error={error}
    />
  );
}

/** One of the 34 provinces (the units in force since 2025), chosen from a list. */
export function ProvinceField({
  provinces,
  defaultValue,
  error,
}: Value & { provinces: { value: string; label: string }[] }) {
  const tr = useT();
  return (
    <SelectField
      name="province_code"
      label={tr("checkout.province")}
      required
      placeholder={tr("checkout.choose")}
      options={provinces}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

/** Street, ward and one of the 34 provinces: a delivery address in the units in force since 2025. */
export function AddressFields({
  values,
  errors,
  provinces,
  streetLabel = "checkout.street",
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  provinces: { value: string; label: string }[];
  streetLabel?: MessageKey;
}) {
  const tr = useT();
  return (
    <>
      <TextField
        name="address"
        label={tr(streetLabel)}
        required
        autoComplete="street-address"
        defaultValue={values.address}
        error={errors.address}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="ward" label={tr("checkout.ward")} required defaultValue={values.ward} error={errors.ward} />
        <ProvinceField provinces={provinces} defaultValue={values.province_code} error={errors.province_code} />
      </div>
    </>
  );
}
