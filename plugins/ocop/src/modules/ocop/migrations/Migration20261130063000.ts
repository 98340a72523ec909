import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The shop front's newest shelves at national scale (issue 14): "newest certified" and "newest 5★"
 * (lib/featured.ts) sorted every current approved certification by decision date — two sequential
 * scans of 110,000 rows (60–110 ms each) in every home, province and group page. Partial indexes on
 * the sort keys let Postgres read the first rows backwards instead.
 */
export class Migration20261130063000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_certification_current_newest" ON "ocop_certification" ("decided_at", "valid_from") WHERE status = 'approved' AND is_current = true AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_certification_current_stars_newest" ON "ocop_certification" ("stars", "decided_at", "valid_from") WHERE status = 'approved' AND is_current = true AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_ocop_certification_current_newest";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_ocop_certification_current_stars_newest";`);
  }

}
