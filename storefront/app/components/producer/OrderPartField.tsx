import { type MessageKey, useT } from "~/lib/i18n";

/**
 * One field of a form that acts on one order part (its shipment, its cash). The orders page lists
 * many parts, each with its own form, so the field's id carries the part's; its error is tied to it.
 */
export function OrderPartField({
  id,
  name,
  label,
  required = false,
  defaultValue,
  error,
  width,
  list,
  autoComplete,
  inputMode,
}: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  defaultValue: string | undefined;
  /** an i18n key from the form schemas */
  error: string | undefined;
  /** the input's width (and digits' style) */
  width: string;
  list?: string;
  autoComplete?: string;
  inputMode?: "numeric";
}) {
  const tr = useT();
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {required ? (
          <>
            {" "}
            <span aria-hidden="true" className="text-lacquer-700">
              *
            </span>
          </>
        ) : null}
      </label>
      <input
        id={id}
        name={name}
        list={list}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 ${width} rounded-lg border border-clay bg-white px-3 py-2 text-sm`}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-lacquer-700" data-testid={`error-${name}`}>
          {tr(error as MessageKey)}
        </p>
      ) : null}
    </div>
  );
}
