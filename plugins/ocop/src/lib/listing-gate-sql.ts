import crypto from "node:crypto"
import { GATE_REASON_TEXT, type GateReason } from "./listing-gate"
import { MARKETPLACE_CHANNEL_ROLE } from "./marketplace-channel"

/**
 * THE LISTING GATE IN THE DATABASE — the same rule as `evaluateListingGate` (listing-gate.ts),
 * written in SQL so that it holds for writers we do not control (Admin API routes we never
 * guarded, imports, workflows run by id, `link.create`, scripts, raw SQL). See
 * docs/decisions/005-gate-as-data-invariant.md.
 *
 * - `ocop_listing_gate_reasons(product_id, at)` returns the TS gate's reasons, in the same order;
 *   `ocop_product_is_listable(product_id, at)` is "no reasons". A property test
 *   (listing-gate-sql.test.ts) compares them with the TS function over random cases.
 * - BEFORE triggers refuse a live marketplace membership (product_sales_channel), a listing row
 *   that says `listed = true`, and a publishable key bound to any channel but the marketplace.
 * - AFTER triggers on what the verdict reads (certifications, producers, the product–producer
 *   link, products, sales channels) soft-delete memberships that stop passing. Time passing fires
 *   no trigger: the expiry job (every 5 minutes) and the cart's live check cover that.
 *
 * Installed by the OCOP module's loader (modules/ocop/loaders/install-listing-gate.ts) at every
 * boot, not by a module migration: `medusa db:migrate` runs module migrations before it creates
 * link tables, and the triggers sit on link tables.
 */

/** Raised by every refusal; the HTTP error handler turns it into a 400 with the message. */
export const GATE_CONSTRAINT = "ocop_listing_gate"
/** SQLSTATE check_violation. */
export const GATE_SQLSTATE = "23514"

/** A SQL string literal. */
export const q = (s: string) => `'${s.replace(/'/g, "''")}'`
const reasonCase = (locale: "vi" | "en") =>
  `CASE r ${Object.entries(GATE_REASON_TEXT)
    .map(([reason, text]) => `WHEN ${q(reason)} THEN ${q(text[locale])}`)
    .join(" ")} ELSE r END`

/**
 * A BEFORE trigger function that refuses a row which, when `listedWhen` holds for it, would put an
 * unlistable product on sale (the refusal names the gate's reasons).
 */
function refuseUnlistable(name: string, listedWhen: string) {
  return `CREATE OR REPLACE FUNCTION ${name}()
RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  reasons text[];
BEGIN
  IF ${listedWhen} THEN
    reasons := ocop_listing_gate_reasons(NEW.product_id);
    IF cardinality(reasons) > 0 THEN
      PERFORM ocop_refuse_listing(NEW.product_id, reasons);
    END IF;
  END IF;
  RETURN NEW;
END
$fn$;
`
}

/**
 * An AFTER trigger function that delists the products a row's change may have made unlistable
 * (`productIds`, an SQL array read from OLD); an UPDATE that leaves every column the verdict reads
 * (`watched`) as it was does nothing.
 */
function delistAfterChange(name: string, watched: string[], productIds: string) {
  const row = (alias: "NEW" | "OLD") => `(${watched.map((column) => `${alias}.${column}`).join(", ")})`
  return `CREATE OR REPLACE FUNCTION ${name}()
RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND ${row("NEW")} IS NOT DISTINCT FROM ${row("OLD")} THEN
    RETURN NULL;
  END IF;
  PERFORM ocop_delist_unlistable(${productIds});
  RETURN NULL;
END
$fn$;
`
}

const FUNCTIONS = `
-- The gate's reasons for one product at one moment (empty = listable). Mirrors evaluateListings +
-- evaluateListingGate: a missing or deleted product gives product_not_published only.
CREATE OR REPLACE FUNCTION ocop_listing_gate_reasons(p_product_id text, p_at timestamptz DEFAULT now())
RETURNS text[] LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  v_status text;
  v_producers int;
  v_inactive int;
  v_approved int;
  v_valid int;
  v_future int;
  reasons text[] := ARRAY[]::text[];
BEGIN
  SELECT status INTO v_status FROM product WHERE id = p_product_id AND deleted_at IS NULL;
  IF NOT FOUND THEN
    RETURN ARRAY['product_not_published'];
  END IF;
  -- One producer per product in practice; if rows disagree, any inactive producer blocks.
  SELECT count(*), count(*) FILTER (WHERE pr.status IS DISTINCT FROM 'active')
    INTO v_producers, v_inactive
    FROM product_product_ocop_producer l
    JOIN ocop_producer pr ON pr.id = l.producer_id AND pr.deleted_at IS NULL
   WHERE l.product_id = p_product_id AND l.deleted_at IS NULL;
  IF v_producers = 0 THEN
    reasons := array_append(reasons, 'no_producer');
  ELSIF v_inactive > 0 THEN
    reasons := array_append(reasons, 'producer_not_active');
  END IF;
  IF v_status IS DISTINCT FROM 'published' THEN
    reasons := array_append(reasons, 'product_not_published');
  END IF;
  SELECT count(*),
         count(*) FILTER (WHERE valid_from IS NOT NULL AND expires_at IS NOT NULL AND valid_from <= p_at AND p_at < expires_at),
         count(*) FILTER (WHERE valid_from IS NOT NULL AND valid_from > p_at)
    INTO v_approved, v_valid, v_future
    FROM ocop_certification
   WHERE product_id = p_product_id AND deleted_at IS NULL AND status = 'approved' AND stars IN (3, 4, 5);
  IF v_valid = 0 THEN
    IF v_approved = 0 THEN
      reasons := array_append(reasons, 'no_approved_certification');
    ELSIF v_future > 0 THEN
      reasons := array_append(reasons, 'certification_not_yet_valid');
    ELSE
      reasons := array_append(reasons, 'certification_expired');
    END IF;
  END IF;
  RETURN reasons;
END
$fn$;

CREATE OR REPLACE FUNCTION ocop_product_is_listable(p_product_id text, p_at timestamptz DEFAULT now())
RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT cardinality(ocop_listing_gate_reasons(p_product_id, p_at)) = 0
$fn$;

CREATE OR REPLACE FUNCTION ocop_describe_gate_reasons(p_reasons text[], p_locale text)
RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT string_agg(CASE WHEN p_locale = 'vi' THEN ${reasonCase("vi")} ELSE ${reasonCase("en")} END, '; ' ORDER BY ord)
    FROM unnest(p_reasons) WITH ORDINALITY AS t(r, ord)
$fn$;

CREATE OR REPLACE FUNCTION ocop_is_marketplace_channel(p_channel_id text)
RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT EXISTS (SELECT 1 FROM sales_channel
                  WHERE id = p_channel_id AND deleted_at IS NULL AND metadata->>'ocop_role' = ${q(MARKETPLACE_CHANNEL_ROLE)})
$fn$;

CREATE OR REPLACE FUNCTION ocop_refuse_listing(p_product_id text, p_reasons text[])
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  v_title text;
BEGIN
  SELECT coalesce(title, p_product_id) INTO v_title FROM product WHERE id = p_product_id;
  v_title := coalesce(v_title, p_product_id);
  RAISE EXCEPTION USING
    ERRCODE = 'check_violation',
    CONSTRAINT = ${q(GATE_CONSTRAINT)},
    MESSAGE = format('"%s" (%s) không thể có mặt trên Chợ OCOP: %s. (EN: "%s" (%s) cannot be listed in the OCOP marketplace: %s.)',
                     v_title, p_product_id, ocop_describe_gate_reasons(p_reasons, 'vi'),
                     v_title, p_product_id, ocop_describe_gate_reasons(p_reasons, 'en')),
    HINT = 'Only the OCOP workflows list products: approve the certification, activate the producer and publish the product; the marketplace then lists it automatically.';
END
$fn$;

-- BEFORE INSERT/UPDATE on product_sales_channel (also covers upserts, restores and moving a row
-- to another channel or product).
${refuseUnlistable(
  "ocop_guard_marketplace_membership",
  "NEW.deleted_at IS NULL AND ocop_is_marketplace_channel(NEW.sales_channel_id)"
)}
-- BEFORE INSERT/UPDATE on ocop_product_listing: the read model of the store's OCOP routes.
${refuseUnlistable("ocop_guard_listing_row", "NEW.listed AND NEW.deleted_at IS NULL")}
-- BEFORE INSERT/UPDATE on publishable_api_key_sales_channel: once the marketplace exists, a key
-- shoppers use reaches the marketplace channel and nothing else. Before it exists (a fresh
-- database) Medusa's own boot binds its "Default Publishable API Key" to the default channel; the
-- /store guard refuses that key on every request (api/utils/store-channel-guard.ts).
CREATE OR REPLACE FUNCTION ocop_guard_publishable_key_channel()
RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.deleted_at IS NULL AND NOT ocop_is_marketplace_channel(NEW.sales_channel_id)
     AND EXISTS (SELECT 1 FROM sales_channel WHERE deleted_at IS NULL AND metadata->>'ocop_role' = ${q(MARKETPLACE_CHANNEL_ROLE)}) THEN
    RAISE EXCEPTION USING
      ERRCODE = 'check_violation',
      CONSTRAINT = ${q(GATE_CONSTRAINT)},
      MESSAGE = format('Khoá công khai (publishable key) chỉ được gắn với kênh bán Chợ OCOP, không với kênh %s. (EN: A publishable key can only be bound to the OCOP marketplace sales channel, not to channel %s: shoppers may only see listed products.)',
                       NEW.sales_channel_id, NEW.sales_channel_id);
  END IF;
  RETURN NEW;
END
$fn$;

-- Soft-deletes the marketplace memberships of these products that no longer pass (as Medusa's
-- link.dismiss does). The listing row and search follow when the OCOP workflow that made the
-- change refreshes the listing, or within minutes through the expiry job's catch-up.
CREATE OR REPLACE FUNCTION ocop_delist_unlistable(p_product_ids text[])
RETURNS int LANGUAGE plpgsql AS $fn$
DECLARE
  n int;
BEGIN
  UPDATE product_sales_channel psc
     SET deleted_at = now(), updated_at = now()
   WHERE psc.product_id = ANY(p_product_ids)
     AND psc.deleted_at IS NULL
     AND ocop_is_marketplace_channel(psc.sales_channel_id)
     AND NOT ocop_product_is_listable(psc.product_id);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$fn$;

${delistAfterChange(
  "ocop_after_certification_change",
  ["product_id", "status", "stars", "valid_from", "expires_at", "deleted_at"],
  "ARRAY[OLD.product_id]"
)}
${delistAfterChange(
  "ocop_after_producer_change",
  ["status", "deleted_at"],
  `ARRAY(
    SELECT product_id FROM product_product_ocop_producer WHERE producer_id = OLD.id AND deleted_at IS NULL)`
)}
CREATE OR REPLACE FUNCTION ocop_after_product_producer_change()
RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM ocop_delist_unlistable(ARRAY[NEW.product_id]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM ocop_delist_unlistable(ARRAY[OLD.product_id, NEW.product_id]);
  ELSE
    PERFORM ocop_delist_unlistable(ARRAY[OLD.product_id]);
  END IF;
  RETURN NULL;
END
$fn$;

${delistAfterChange("ocop_after_product_change", ["status", "deleted_at"], "ARRAY[OLD.id]")}
-- A channel that becomes the marketplace (metadata set, or restored) keeps only listable products.
CREATE OR REPLACE FUNCTION ocop_after_sales_channel_change()
RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.deleted_at IS NULL AND NEW.metadata->>'ocop_role' = ${q(MARKETPLACE_CHANNEL_ROLE)} THEN
    UPDATE product_sales_channel psc
       SET deleted_at = now(), updated_at = now()
     WHERE psc.sales_channel_id = NEW.id AND psc.deleted_at IS NULL
       AND NOT ocop_product_is_listable(psc.product_id);
  END IF;
  RETURN NULL;
END
$fn$;
`

const TRIGGERS: Array<{ name: string; table: string; when: string; fn: string }> = [
  {
    name: "ocop_gate_membership",
    table: "product_sales_channel",
    when: "BEFORE INSERT OR UPDATE",
    fn: "ocop_guard_marketplace_membership",
  },
  {
    name: "ocop_gate_listing_row",
    table: "ocop_product_listing",
    when: "BEFORE INSERT OR UPDATE",
    fn: "ocop_guard_listing_row",
  },
  {
    name: "ocop_gate_publishable_key",
    table: "publishable_api_key_sales_channel",
    when: "BEFORE INSERT OR UPDATE",
    fn: "ocop_guard_publishable_key_channel",
  },
  {
    name: "ocop_gate_certification",
    table: "ocop_certification",
    when: "AFTER UPDATE OR DELETE",
    fn: "ocop_after_certification_change",
  },
  {
    name: "ocop_gate_producer",
    table: "ocop_producer",
    when: "AFTER UPDATE OR DELETE",
    fn: "ocop_after_producer_change",
  },
  {
    name: "ocop_gate_product_producer",
    table: "product_product_ocop_producer",
    when: "AFTER INSERT OR UPDATE OR DELETE",
    fn: "ocop_after_product_producer_change",
  },
  { name: "ocop_gate_product", table: "product", when: "AFTER UPDATE OR DELETE", fn: "ocop_after_product_change" },
  {
    name: "ocop_gate_sales_channel",
    table: "sales_channel",
    when: "AFTER INSERT OR UPDATE",
    fn: "ocop_after_sales_channel_change",
  },
]

/** Every table the gate reads or guards; the installer waits until all exist. */
export const GATE_TABLES = [
  "product",
  "sales_channel",
  "product_sales_channel",
  "publishable_api_key_sales_channel",
  "ocop_producer",
  "ocop_certification",
  "ocop_product_listing",
  "product_product_ocop_producer",
]

export const LISTING_GATE_SQL =
  FUNCTIONS +
  TRIGGERS.map(
    (t) =>
      `DROP TRIGGER IF EXISTS ${t.name} ON "${t.table}";\nCREATE TRIGGER ${t.name} ${t.when} ON "${t.table}" FOR EACH ROW EXECUTE FUNCTION ${t.fn}();`
  ).join("\n")

/** Changes whenever the SQL does; stored as a comment on the gate function. */
export const LISTING_GATE_SQL_VERSION = `ocop-listing-gate ${crypto.createHash("sha256").update(LISTING_GATE_SQL).digest("hex").slice(0, 16)}`
