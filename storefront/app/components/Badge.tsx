import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "gold";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-paper-deep text-ink-soft ring-clay",
  success: "bg-bamboo-50 text-bamboo-700 ring-bamboo-700/30",
  warning: "bg-gold-50 text-gold-500 ring-gold-400/40",
  danger: "bg-lacquer-50 text-lacquer-700 ring-lacquer-600/30",
  gold: "bg-gold-50 text-ink ring-gold-400/50",
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
