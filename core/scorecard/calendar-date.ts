/** A calendar date typed as `YYYY-MM-DD` (the reporting date), checked without a validator library. */

/** A calendar date `YYYY-MM-DD` from 1900 to 9999 that exists (no 2026-02-30). */
export function isReportingDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
