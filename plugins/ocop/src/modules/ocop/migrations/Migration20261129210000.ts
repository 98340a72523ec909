import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Producer uploads (File Module keys with owner, purpose and sniffed type) and the certificate scan. */
export class Migration20261129210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "ocop_upload" ("id" text not null, "producer_id" text not null, "purpose" text check ("purpose" in ('product_image', 'logo', 'certificate_scan')) not null, "file_key" text not null, "mime_type" text not null, "size" integer not null, "sha256" text not null, "original_name" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_upload_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_upload_file_key_unique" ON "ocop_upload" ("file_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ocop_upload_deleted_at" ON "ocop_upload" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_upload_producer_id_purpose_sha256_unique" ON "ocop_upload" ("producer_id", "purpose", "sha256") WHERE deleted_at IS NULL;`
    )
    this.addSql(`alter table if exists "ocop_certification" add column if not exists "scan_file_key" text null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ocop_upload" cascade;`)
    this.addSql(`alter table if exists "ocop_certification" drop column if exists "scan_file_key";`)
  }
}
