import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123192549 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "ocop_trade_center" drop constraint if exists "ocop_trade_center_province_code_unique";`);
    this.addSql(`alter table if exists "ocop_product_listing" drop constraint if exists "ocop_product_listing_product_id_unique";`);
    this.addSql(`alter table if exists "ocop_certification" drop constraint if exists "ocop_certification_certificate_number_unique";`);
    this.addSql(`alter table if exists "ocop_producer" drop constraint if exists "ocop_producer_handle_unique";`);
    this.addSql(`create table if not exists "ocop_audit_event" ("id" text not null, "entity_type" text check ("entity_type" in ('producer', 'certification', 'listing', 'trade_center')) not null, "entity_id" text not null, "action" text not null, "actor_type" text not null default 'system', "actor_id" text null, "message" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_audit_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_audit_event_deleted_at" ON "ocop_audit_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_audit_event_entity_type_entity_id" ON "ocop_audit_event" ("entity_type", "entity_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "ocop_producer" ("id" text not null, "name" text not null, "handle" text not null, "entity_type" text check ("entity_type" in ('cooperative', 'enterprise', 'cooperative_group', 'household')) not null, "province_code" text not null, "ward" text null, "address" text null, "phone" text null, "email" text null, "story" text null, "logo_url" text null, "status" text check ("status" in ('pending', 'active', 'suspended')) not null default 'pending', "status_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_producer_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_producer_handle_unique" ON "ocop_producer" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_producer_deleted_at" ON "ocop_producer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_producer_province_code" ON "ocop_producer" ("province_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_producer_status" ON "ocop_producer" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "ocop_certification" ("id" text not null, "product_id" text not null, "producer_id" text not null, "stars" integer not null, "score" integer null, "score_parts" jsonb null, "group_slug" text not null, "subgroup_slug" text null, "certificate_number" text not null, "decision_number" text null, "decision_date" timestamptz null, "issuing_authority" text not null, "province_code" text not null, "legal_basis" text not null default '148/QĐ-TTg', "valid_from" timestamptz null, "expires_at" timestamptz null, "status" text check ("status" in ('submitted', 'approved', 'rejected', 'expired', 'revoked', 'suspended')) not null default 'submitted', "recognition_type" text check ("recognition_type" in ('new', 're_recognition', 'upgrade')) not null default 'new', "evidence" jsonb null, "traceability_code" text null, "traceability_url" text null, "potential_five_star" boolean not null default false, "reason" text null, "decided_by" text null, "decided_at" timestamptz null, "is_current" boolean not null default false, "expiry_warning_sent_at" timestamptz null, "previous_certification_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_certification_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_certification_producer_id" ON "ocop_certification" ("producer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_certification_certificate_number_unique" ON "ocop_certification" ("certificate_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_certification_deleted_at" ON "ocop_certification" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_certification_product_id" ON "ocop_certification" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_certification_status_expires_at" ON "ocop_certification" ("status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_certification_traceability_code" ON "ocop_certification" ("traceability_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_certification_province_code" ON "ocop_certification" ("province_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "ocop_product_listing" ("id" text not null, "product_id" text not null, "producer_id" text null, "certification_id" text null, "listed" boolean not null default false, "blocked_reasons" jsonb null, "evaluated_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_product_listing_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_product_listing_product_id_unique" ON "ocop_product_listing" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_product_listing_deleted_at" ON "ocop_product_listing" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_product_listing_listed" ON "ocop_product_listing" ("listed") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_product_listing_producer_id" ON "ocop_product_listing" ("producer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "ocop_trade_center" ("id" text not null, "name" text not null, "province_code" text not null, "email" text null, "phone" text null, "address" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_trade_center_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_trade_center_province_code_unique" ON "ocop_trade_center" ("province_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_trade_center_deleted_at" ON "ocop_trade_center" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "ocop_certification" add constraint "ocop_certification_producer_id_foreign" foreign key ("producer_id") references "ocop_producer" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "ocop_certification" drop constraint if exists "ocop_certification_producer_id_foreign";`);

    this.addSql(`drop table if exists "ocop_audit_event" cascade;`);

    this.addSql(`drop table if exists "ocop_producer" cascade;`);

    this.addSql(`drop table if exists "ocop_certification" cascade;`);

    this.addSql(`drop table if exists "ocop_product_listing" cascade;`);

    this.addSql(`drop table if exists "ocop_trade_center" cascade;`);
  }

}
