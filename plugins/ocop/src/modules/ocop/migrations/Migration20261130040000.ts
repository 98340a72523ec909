import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The admin's lists, newest first, at national scale (issue 14): the producers page sorted all
 * 44,000 producers for its 20 rows (≈ 250 ms); the product panel's audit history is looked up by
 * entity id alone, which the (entity_type, entity_id) index does not serve.
 */
export class Migration20261130040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_producer_created_at" ON "ocop_producer" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_audit_event_entity_id" ON "ocop_audit_event" ("entity_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_ocop_producer_created_at";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_ocop_audit_event_entity_id";`);
  }

}
