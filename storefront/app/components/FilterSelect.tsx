import type { ReactNode } from "react";

const SELECT_CLASS = "rounded-lg border border-clay bg-white px-3 text-sm";

/**
 * A labelled choice on one line in the bar above a list (a status filter, a sort order); the form
 * around it submits it. `quiet` is the smaller, softer look of the search page's sort order.
 */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  options,
  onChange,
  quiet = false,
}: {
  id: string;
  name: string;
  label: ReactNode;
  defaultValue: string;
  options: { value: string; label: string }[];
  /** Submits the form on a change, where JavaScript runs. */
  onChange?: (select: HTMLSelectElement) => void;
  quiet?: boolean;
}) {
  return (
    <>
      <label htmlFor={id} className={quiet ? "text-sm text-ink-soft" : "text-sm font-medium"}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        onChange={onChange ? (e) => onChange(e.currentTarget) : undefined}
        className={`${SELECT_CLASS} ${quiet ? "py-1.5" : "py-2"}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
