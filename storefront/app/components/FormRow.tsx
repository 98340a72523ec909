import type { ReactNode } from "react";

/**
 * A label above its control, for the controls the Field components do not make (a date, a quantity,
 * a select that submits itself); `children` is the control and whatever follows it (an error).
 */
export function FormRow({
  htmlFor,
  label,
  className = "",
  children,
}: {
  htmlFor: string;
  label: ReactNode;
  /** Spacing around the row, where its place in the form needs some. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`${className} flex flex-col gap-1`.trim()}>
      <label htmlFor={htmlFor} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
