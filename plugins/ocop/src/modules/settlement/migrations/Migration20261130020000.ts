import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Producer money: commission rates, cash collected on delivery, payouts
 * (docs/decisions/018-producer-statements.md).
 */
export class Migration20261130020000 extends Migration {
  override async up(): Promise<void> {
    const timestamps = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "ocop_commission_rate" ("id" text not null, "product_group" text not null, "rate_bps" integer not null, "effective_from" text not null, "set_by_id" text null, ${timestamps}, constraint "ocop_commission_rate_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_commission_rate_product_group_effective_from_unique" ON "ocop_commission_rate" ("product_group", "effective_from") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ocop_commission_rate_deleted_at" ON "ocop_commission_rate" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "ocop_cash_collection" ("id" text not null, "order_id" text not null, "producer_id" text not null, "amount" numeric not null, "raw_amount" jsonb not null, "collected_by" text check ("collected_by" in ('producer', 'platform')) not null, "collected_at" timestamptz not null, "recorded_by_type" text not null, "recorded_by_id" text null, ${timestamps}, constraint "ocop_cash_collection_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_cash_collection_order_id_producer_id_unique" ON "ocop_cash_collection" ("order_id", "producer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ocop_cash_collection_producer_id" ON "ocop_cash_collection" ("producer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ocop_cash_collection_deleted_at" ON "ocop_cash_collection" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "ocop_payout" ("id" text not null, "producer_id" text not null, "month" text not null, "amount" numeric not null, "raw_amount" jsonb not null, "bank_reference" text not null, "paid_at" timestamptz not null, "recorded_by_id" text null, ${timestamps}, constraint "ocop_payout_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_payout_producer_id_bank_reference_unique" ON "ocop_payout" ("producer_id", "bank_reference") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_payout_month" ON "ocop_payout" ("month") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ocop_payout_deleted_at" ON "ocop_payout" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ocop_payout" cascade;`)
    this.addSql(`drop table if exists "ocop_cash_collection" cascade;`)
    this.addSql(`drop table if exists "ocop_commission_rate" cascade;`)
  }
}
