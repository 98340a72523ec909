import type { ReactNode } from "react";

/**
 * A label above its control, for the controls the Field components do not make (a date, a quantity,
 * a select that submits itself); `children` is the control and whatever follows it (an error).
 */
export function FormRow({ htmlFor, label, children }: { htmlFor: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
