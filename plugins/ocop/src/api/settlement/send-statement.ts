import type { MedusaResponse } from "@medusajs/framework/http"
import { statementCsv } from "../../lib/statement-csv"
import type { ProducerStatement } from "../../lib/statements"
import { statementFileName } from "../utils/statements"

/** A statement as a CSV download (private: it is one producer's money). */
export function sendStatementCsv(res: MedusaResponse, statement: ProducerStatement) {
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${statementFileName(statement)}"`)
  res.setHeader("Cache-Control", "private, no-store")
  res.send(statementCsv(statement))
}
