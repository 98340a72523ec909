/**
 * RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs (Excel included) show Vietnamese diacritics.
 *
 * Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return — OWASP's list) get a leading apostrophe: a producer's name like `=HYPERLINK(…)` stays text
 * in the trade centre's report. Numbers are written as numbers, so `-5` is not touched.
 */
export type CsvCell = string | number | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ""
  let s = String(value)
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n"
}
