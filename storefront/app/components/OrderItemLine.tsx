import { formatVnd } from "~/lib/money";

/** One line of an order as a list item: "title × quantity", and what the line costs (unit price × quantity). */
export function OrderItemLine({
  line,
  className,
  testId,
}: {
  line: { title: string; quantity: number; unit_price: number };
  className: string;
  testId?: string;
}) {
  return (
    <li className={className} data-testid={testId}>
      <span>
        {line.title} × {line.quantity}
      </span>
      <span className="tabular-nums">{formatVnd(line.unit_price * line.quantity)}</span>
    </li>
  );
}
