import { Form, Link } from "@remix-run/react";
import { ProductImage } from "~/components/ProductImage";
import { useT } from "~/lib/i18n";
import type { CartLine, ProducerGroup } from "~/lib/backend/views";
import { formatVnd } from "~/lib/money";

export type { ProducerGroup } from "~/lib/backend/views";

export function LineRow({ line, editable }: { line: CartLine; editable: boolean }) {
  const tr = useT();
  return (
    <li className="flex flex-wrap items-center gap-4 py-4" data-testid="cart-line">
      <ProductImage
        src={line.thumbnail}
        alt={line.product_title}
        className="h-16 w-16 shrink-0 rounded-lg border border-clay"
      />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink">
          {line.product_handle ? (
            <Link to={`/products/${line.product_handle}`} className="hover:text-lacquer-700">
              {line.product_title}
            </Link>
          ) : (
            line.product_title
          )}
        </p>
        {line.variant_title ? <p className="text-sm text-ink-soft">{line.variant_title}</p> : null}
        <p className="text-sm text-ink-soft">
          {tr("cart.unitPrice")}: {formatVnd(line.unit_price)}
          {editable ? null : <> · × {line.quantity}</>}
        </p>
      </div>
      {editable ? (
        // on a phone the controls take their own row, so the product name keeps its width
        <div className="order-last flex w-full items-center gap-2 sm:order-none sm:w-auto">
          <Form method="post" className="flex items-center gap-2">
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="line_id" value={line.id} />
            <label htmlFor={`q-${line.id}`} className="sr-only">
              {tr("product.quantity")}
            </label>
            <input
              id={`q-${line.id}`}
              name="quantity"
              type="number"
              min={0}
              max={99}
              defaultValue={line.quantity}
              className="w-16 rounded-lg border border-clay bg-white px-2 py-1 text-sm"
            />
            <button type="submit" className="rounded-md border border-clay px-2 py-1 text-sm hover:bg-paper-deep">
              {tr("cart.update")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="line_id" value={line.id} />
            <button type="submit" className="rounded-md px-2 py-1 text-sm text-lacquer-700 underline">
              {tr("cart.remove")}
            </button>
          </Form>
        </div>
      ) : null}
      <p className="w-28 text-right font-semibold tabular-nums">{formatVnd(line.total)}</p>
    </li>
  );
}

export function ProducerGroups({ groups, editable }: { groups: ProducerGroup[]; editable: boolean }) {
  const tr = useT();
  return (
    <div className="space-y-6">
      {groups.map((g) => (
        <section key={g.key} className="rounded-2xl border border-clay bg-white px-5 py-3" data-testid="producer-group">
          <h2 className="pt-2 font-display text-lg font-bold">
            {g.name ? (
              g.handle ? (
                <Link to={`/producers/${g.handle}`} className="hover:text-lacquer-700">
                  {tr("cart.producer", { name: g.name })}
                </Link>
              ) : (
                tr("cart.producer", { name: g.name })
              )
            ) : (
              tr("cart.producerUnknown")
            )}
          </h2>
          <ul className="divide-y divide-clay/60">
            {g.lines.map((l) => (
              <LineRow key={l.id} line={l} editable={editable} />
            ))}
          </ul>
          {groups.length > 1 ? (
            <p className="border-t border-clay/60 py-2 text-right text-sm text-ink-soft">
              {tr("cart.producerSubtotal")}: <span className="font-semibold text-ink">{formatVnd(g.subtotal)}</span>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
