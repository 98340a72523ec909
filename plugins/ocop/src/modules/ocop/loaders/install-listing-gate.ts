import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { installListingGateSql, type Sql } from "../../../lib/listing-gate-database"
import { installChannelPageSql } from "../../../lib/channel-product-page"

/**
 * Installs the listing gate's SQL functions and triggers (lib/listing-gate-sql.ts) whenever the
 * module boots with the whole app: `medusa start`/`develop`, `medusa exec` (the seed), the
 * migration-scripts step of `medusa db:migrate`, and medusaIntegrationTestRunner. Not a module
 * migration: module migrations run before Medusa creates the link tables the triggers sit on.
 * Before those tables exist (a partial boot) it says so and installs on the next boot.
 */
export default async function installListingGate({ container }: LoaderOptions) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }) as Sql | undefined
  if (!pg) {
    logger.warn("OCOP listing gate: no database connection at module load; the SQL gate was not checked.")
    return
  }
  const result = await installListingGateSql(pg)
  if (!result.installed) {
    logger.info(
      `OCOP listing gate: waiting for tables ${result.missing.join(", ")} (created later by db:migrate); installs on the next boot.`
    )
  } else if (await installChannelPageSql(pg)) {
    logger.info("OCOP store product list: installed its exact-count cache and order index (decision 016).")
  }
  if (result.installed && result.changed) {
    logger.info(
      `OCOP listing gate: installed ${result.version} (triggers on product_sales_channel, ocop_product_listing, publishable_api_key_sales_channel and what the verdict reads).`
    )
  }
}
