import type { Sql } from "./listing-gate-database"

/** What a checkout's cart refresh could still change, read in one statement (issue 14). */
export type CheckoutChanges = {
  /**
   * A price of the cart's items could differ from the one it holds: some price or price list depends on
   * more than the region and currency (the address, the customer's groups, a date), or a variant, its
   * product or one of its prices changed since the items were priced.
   */
  prices_may_change: boolean
  /**
   * A tax line could be written or removed: the address's country has a tax rate or a tax provider of
   * its own, or the cart already holds tax lines.
   */
  taxes_may_apply: boolean
  /** A promotion could change the cart: the shop has an automatic one, or the cart holds adjustments. */
  promotions_may_apply: boolean
}

type Row = Partial<Record<keyof CheckoutChanges, boolean>>

export type CheckoutChangesInput = {
  cart_id: string
  country_code: string
  variant_ids: string[]
  /** the oldest time one of the cart's items was written (priced) */
  items_priced_at: Date | string | null
}

// Each clause names what would make Medusa's refresh write something; all false → it would write nothing.
const STATEMENT = `
select
  exists (select 1 from price_rule where deleted_at is null and attribute not in ('currency_code', 'region_id'))
  or exists (select 1 from price_list where deleted_at is null)
  or exists (
    select 1 from product_variant v join product p on p.id = v.product_id
    where v.id = any(string_to_array(:variants, ','))
      and (v.updated_at > cast(:since as timestamptz) or p.updated_at > cast(:since as timestamptz))
  )
  or exists (
    select 1 from product_variant_price_set l left join price pr on pr.price_set_id = l.price_set_id
    where l.variant_id = any(string_to_array(:variants, ','))
      and (l.updated_at > cast(:since as timestamptz) or l.deleted_at > cast(:since as timestamptz)
        or pr.updated_at > cast(:since as timestamptz) or pr.deleted_at > cast(:since as timestamptz))
  ) as prices_may_change,
  exists (
    select 1 from tax_rate r join tax_region g on g.id = r.tax_region_id
    where r.deleted_at is null and g.deleted_at is null and g.country_code = :country
  )
  or exists (
    select 1 from tax_region
    where deleted_at is null and country_code = :country and provider_id is distinct from 'tp_system'
  )
  or exists (
    select 1 from cart_line_item_tax_line t join cart_line_item i on i.id = t.item_id
    where i.cart_id = :cart_id and i.deleted_at is null and t.deleted_at is null
  )
  or exists (
    select 1 from cart_shipping_method_tax_line t join cart_shipping_method m on m.id = t.shipping_method_id
    where m.cart_id = :cart_id and m.deleted_at is null and t.deleted_at is null
  ) as taxes_may_apply,
  exists (select 1 from promotion where deleted_at is null and is_automatic)
  or exists (
    select 1 from cart_line_item_adjustment a join cart_line_item i on i.id = a.item_id
    where i.cart_id = :cart_id and i.deleted_at is null and a.deleted_at is null
  )
  or exists (
    select 1 from cart_shipping_method_adjustment a join cart_shipping_method m on m.id = a.shipping_method_id
    where m.cart_id = :cart_id and m.deleted_at is null and a.deleted_at is null
  ) as promotions_may_apply`

/**
 * Whether a checkout's prices, taxes and promotions could change, so that Medusa's refreshes run only
 * when they could write something. Any doubt (no item time, a table's row we cannot rule out) counts
 * as "may change".
 */
export async function checkoutChanges(db: Sql, input: CheckoutChangesInput): Promise<CheckoutChanges> {
  const variants = input.variant_ids.join(",")
  const since = input.items_priced_at ? new Date(input.items_priced_at).toISOString() : "-infinity"
  const country = input.country_code.toLowerCase()
  // knex's named bindings: each value once, whatever the number of places it is used
  const named = db as unknown as { raw(sql: string, bindings: Record<string, string>): Promise<{ rows: Row[] }> }
  const { rows } = await named.raw(STATEMENT, { variants, since, country, cart_id: input.cart_id })
  const row = rows[0] ?? {}
  return {
    prices_may_change: row.prices_may_change !== false,
    taxes_may_apply: row.taxes_may_apply !== false,
    promotions_may_apply: row.promotions_may_apply !== false,
  }
}
