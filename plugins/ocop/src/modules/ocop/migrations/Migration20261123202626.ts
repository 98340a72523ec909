import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123202626 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "ocop_featured_list" ("id" text not null, "title_vi" text not null, "title_en" text null, "placement" text check ("placement" in ('home', 'province', 'campaign')) not null, "province_code" text null, "product_ids" jsonb not null, "starts_at" timestamptz null, "ends_at" timestamptz null, "trade_center_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_featured_list_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_featured_list_deleted_at" ON "ocop_featured_list" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_featured_list_placement_province_code" ON "ocop_featured_list" ("placement", "province_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ocop_featured_list" cascade;`);
  }

}
