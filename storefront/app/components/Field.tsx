import { type ReactNode, useEffect, useRef } from "react";
import { isMessageKey, useT } from "~/lib/i18n";

/** Error text: an i18n key from the form schemas, or a message from the backend as is. */
export function useErrorText() {
  const tr = useT();
  return (error: string | undefined | null) => (error ? (isMessageKey(error) ? tr(error) : error) : null);
}

const inputClass =
  "w-full rounded-lg border bg-white px-3 py-2 text-sm focus:border-lacquer-600 focus:outline-none focus-visible:outline-3 focus-visible:outline-gold-400";

type Common = {
  /** The control's id: `f-<name>` unless a page holds several forms with the same field (one per order part). */
  id?: string;
  name: string;
  label: string;
  error?: string | null;
  hint?: string;
  required?: boolean;
  className?: string;
};

const controlId = ({ id, name }: Common) => id ?? `f-${name}`;

function Shell(props: Common & { children: ReactNode }) {
  const { name, label, error, hint, required, className, children } = props;
  const id = controlId(props);
  const errorText = useErrorText()(error);
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
        {required ? (
          <span aria-hidden="true" className="text-lacquer-700">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint && !errorText ? (
        <p id={`${id}-hint`} className="text-xs text-ink-soft">
          {hint}
        </p>
      ) : null}
      {errorText ? (
        <p id={`${id}-error`} className="text-sm font-medium text-lacquer-700" data-testid={`error-${name}`}>
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string | null, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** What every control of a field carries: its id and name, and what it tells assistive technology. */
function controlProps(props: Common) {
  const { name, error, hint, required } = props;
  const id = controlId(props);
  return {
    id,
    name,
    "aria-required": required || undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, error, hint),
    className: `${inputClass} ${error ? "border-lacquer-600" : "border-clay"}`,
  };
}

export function TextField(
  props: Common & {
    type?: string;
    defaultValue?: string;
    autoComplete?: string;
    inputMode?: "numeric" | "tel" | "email" | "text";
    placeholder?: string;
    /** the id of a <datalist> of suggestions */
    list?: string;
  }
) {
  const { type = "text", defaultValue, autoComplete, inputMode, placeholder, list } = props;
  return (
    <Shell {...props}>
      <input
        {...controlProps(props)}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        placeholder={placeholder}
        list={list}
      />
    </Shell>
  );
}

export function TextArea(props: Common & { defaultValue?: string; rows?: number }) {
  const { defaultValue, rows = 4 } = props;
  return (
    <Shell {...props}>
      <textarea {...controlProps(props)} rows={rows} defaultValue={defaultValue} />
    </Shell>
  );
}

export function SelectField(
  props: Common & {
    defaultValue?: string;
    options: { value: string; label: string }[];
    placeholder?: string;
    /** For a choice that changes the rest of the form (a group decides its sub-groups). */
    onChange?: (value: string) => void;
  }
) {
  const { defaultValue, options, placeholder, onChange } = props;
  return (
    <Shell {...props}>
      <select
        {...controlProps(props)}
        defaultValue={defaultValue ?? ""}
        onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/**
 * A form-level message (backend refusal, etc.) shown above the form. An error takes the focus when
 * it appears, and again for each new `answer` (the action's data): on a phone the submit button is
 * far below it, and a refusal nobody sees looks like a button that did nothing.
 */
export function FormAlert({
  message,
  tone = "error",
  answer,
}: {
  message?: string | null;
  tone?: "error" | "success";
  answer?: unknown;
}) {
  const text = useErrorText()(message);
  const ref = useRef<HTMLParagraphElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer with the same words takes the focus again
  useEffect(() => {
    if (tone === "error" && text) ref.current?.focus();
  }, [text, tone, answer]);
  if (!text) return null;
  return (
    <p
      ref={ref}
      tabIndex={tone === "error" ? -1 : undefined}
      role={tone === "error" ? "alert" : "status"}
      data-testid={tone === "error" ? "form-error" : "form-success"}
      className={
        tone === "error"
          ? "rounded-lg border border-lacquer-600/40 bg-lacquer-50 px-4 py-3 text-sm text-lacquer-800"
          : "rounded-lg border border-bamboo-700/30 bg-bamboo-50 px-4 py-3 text-sm text-bamboo-700"
      }
    >
      {text}
    </p>
  );
}

/** A file input (portal uploads); the server checks type and size again, whatever `accept` says. */
const FILE_BUTTON = "file:mr-3 file:rounded file:border-0 file:bg-paper-deep file:px-3 file:py-1";

export function FileField(props: Common & { accept?: string; multiple?: boolean }) {
  const { name, error, hint, required, accept, multiple } = props;
  const id = controlId(props);
  return (
    <Shell {...props}>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        multiple={multiple}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${inputClass} ${error ? "border-lacquer-600" : "border-clay"} ${FILE_BUTTON}`}
      />
    </Shell>
  );
}
