/**
 * The unit of a duration column's numbers, which the catalog's call-centre functions take as
 * `input_unit`: the data decides, never an assumption that could silently be 86,400 times off.
 *
 * - Time values: cells a spreadsheet shows as 0:02:14 arrive as Date objects of 30 Dec 1899 (Sheets,
 *   the CLI) or as fractions of a day (Excel). Date objects, or numbers that all lie strictly
 *   between 0 and 1 (the catalog's 0–1 guard), are `time`.
 * - Otherwise what a known export layout or the header says: a clock layout (`Time to close
 *   (HH:mm:ss)`: time values, also past one day) or a unit word (`Wait (min)`, `Handle time in
 *   hours`, vocab/match.ts), else seconds (`Speed of answer in seconds`, `billsec`).
 * Duration text (`0:02:14`, `134 s`) carries its own unit; such cells need no decision.
 */
import { isDateObject } from '../../values/grid.js';
import type { InputUnit } from '../../values/duration-values.js';
import { durationUnitOfHeader } from '../vocab/match.js';

/** The unit of a column's numbers (see the module comment). */
export function durationUnit(cells: readonly (readonly unknown[])[], header: string): InputUnit {
  let numbers = 0, inside = 0, dates = 0;
  for (const row of cells) {
    for (const v of row) {
      if (typeof v === 'number' && Number.isFinite(v)) {
        numbers++;
        if (v > 0 && v < 1) inside++;
      } else if (isDateObject(v)) dates++;
    }
  }
  if (dates > 0 && numbers === 0) return 'time';
  if (numbers > 0 && inside === numbers) return 'time';
  return durationUnitOfHeader(header) ?? 'seconds';
}
