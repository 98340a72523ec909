import type { ReactNode } from "react";

const CARD = "flex cursor-pointer gap-3 rounded-lg border border-clay bg-white px-4 py-3";

/**
 * One choice of a radio group drawn as a card: the whole card is the button's label, so a tap anywhere
 * on it chooses. Multi-line content sits at the top beside the button; one-line content is `centered`.
 */
export function RadioCard({
  name,
  value,
  checked,
  onChoose,
  centered = false,
  className,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChoose: () => void;
  centered?: boolean;
  /** extra classes of the card */
  className?: string;
  children: ReactNode;
}) {
  const align = centered ? "items-center" : "items-start";
  return (
    <label className={className ? `${CARD} ${align} ${className}` : `${CARD} ${align}`}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChoose}
        className={centered ? undefined : "mt-1"}
      />
      {children}
    </label>
  );
}
