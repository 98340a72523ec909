import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The pre-2025 province a producer's address lies in (search ranks its products first for that name). */
export class Migration20261129211000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "ocop_producer" add column if not exists "former_province_code" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "ocop_producer" drop column if exists "former_province_code";`);
  }

}
