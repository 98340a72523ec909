import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The payment-notification ledger (module ocopPayment, decision 017). */
export class Migration20261130010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "ocop_payment_notification" (
      "id" text not null,
      "provider" text check ("provider" in ('payos', 'vnpay', 'operator')) not null,
      "notification_id" text not null,
      "reference" text null,
      "order_id" text null,
      "payment_id" text null,
      "amount" numeric not null,
      "raw_amount" jsonb not null,
      "outcome" text check ("outcome" in ('received', 'applied', 'held', 'resolved')) not null default 'received',
      "reason" text null,
      "resolved_by" text null,
      "payload" jsonb null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "ocop_payment_notification_pkey" primary key ("id"),
      constraint "ocop_payment_notification_amount_whole" check ("amount" = trunc("amount"))
    );`)
    this.addSql(`create unique index if not exists "IDX_ocop_payment_notification_provider_notification_id_unique"
      on "ocop_payment_notification" ("provider", "notification_id") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_ocop_payment_notification_order_id"
      on "ocop_payment_notification" ("order_id") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_ocop_payment_notification_outcome"
      on "ocop_payment_notification" ("outcome") where deleted_at is null;`)
    this.addSql(`create index if not exists "IDX_ocop_payment_notification_deleted_at"
      on "ocop_payment_notification" ("deleted_at") where deleted_at is null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ocop_payment_notification" cascade;`)
  }
}
