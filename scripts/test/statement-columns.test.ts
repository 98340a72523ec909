/**
 * The statement's money columns cross the HTTP boundary: the backend computes them
 * (plugins/ocop/src/lib/statements.ts) and the storefront, which never imports backend code, types
 * and shows them from its own copy. The copy must name the same columns in the same order.
 */
import { expect, it } from "vitest"
import { MONEY_COLUMNS } from "../../plugins/ocop/src/lib/statements"
import { STATEMENT_COLUMNS } from "../../storefront/app/lib/statement-view"

it("the storefront's statement columns are the backend's, in the same order", () => {
  expect([...STATEMENT_COLUMNS]).toEqual([...MONEY_COLUMNS])
})
