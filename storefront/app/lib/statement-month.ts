/** Statement months are calendar months in Vietnam time (UTC+7), written YYYY-MM. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 7);
}

/** The month a query string asks for: a well-formed one, else the current month. */
export function monthFromQuery(value: string | null, now = new Date()): { month: string; invalid: boolean } {
  if (value === null || value === "") return { month: currentMonth(now), invalid: false };
  return MONTH_PATTERN.test(value) ? { month: value, invalid: false } : { month: currentMonth(now), invalid: true };
}
