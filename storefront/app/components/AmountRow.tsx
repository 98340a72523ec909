import type { ReactNode } from "react";

/** The class of the row that adds the amounts up: a rule above it, in bold. */
export const TOTAL_ROW = "border-t border-clay pt-2 font-bold";

/**
 * One named amount of a summary list (`<dl>`): the name left, the amount right in even-width digits.
 * The cart, the checkout summary and the order page list their amounts with it.
 */
export function AmountRow({
  label,
  children,
  testId,
  className,
  valueClassName,
}: {
  label: ReactNode;
  /** the amount as shown (formatted đồng, or a sentence when there is none yet) */
  children: ReactNode;
  testId?: string;
  /** extra classes of the row: spacing, tone, the total's rule */
  className?: string;
  valueClassName?: string;
}) {
  return (
    <div className={className ? `flex justify-between ${className}` : "flex justify-between"}>
      <dt>{label}</dt>
      <dd className={valueClassName ? `${valueClassName} tabular-nums` : "tabular-nums"} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
