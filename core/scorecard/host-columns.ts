/**
 * A sheet a host passed by rows (Excel's and Sheets' `values`), held by column as the command
 * line's readers hold theirs (columns.ts): each column is made on first use, in one pass, so the
 * plan's catalog calls take typed columns (core/values/typed-column.ts) and cut periods as index
 * views — the same paths the command line takes — instead of reading Dates and row arrays per call.
 *
 * Only cells a column can hold exactly are held: numbers, text, booleans, Dates and blanks. A
 * column with anything else (never from a host; a test's odd value) is not held, and its ranges
 * read the rows as before (`column` gives NOT_HELD).
 */
import { CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TEXT, CELL_TRUE } from './columns.js';
import type { SheetColumn } from './columns.js';
import { isDateObject } from '../values/grid.js';

/** What `column` gives for a column holding a value no column can hold. */
export const NOT_HELD: unique symbol = Symbol('not held');

export class HostColumns {
  private readonly made = new Map<number, SheetColumn | undefined | typeof NOT_HELD>();

  constructor(private readonly values: readonly (readonly unknown[] | undefined)[]) {}

  /** Column `c` (0-based from the origin column); undefined when it holds no cell, NOT_HELD when it cannot be held. */
  column(c: number): SheetColumn | undefined | typeof NOT_HELD {
    if (this.made.has(c)) return this.made.get(c);
    const col = columnOfRows(this.values, c);
    this.made.set(c, col);
    return col;
  }
}

function columnOfRows(values: readonly (readonly unknown[] | undefined)[], c: number): SheetColumn | undefined | typeof NOT_HELD {
  const n = values.length;
  const kinds = new Uint8Array(n);
  const numbers = new Float64Array(n);
  let texts: (string | undefined)[] | undefined;
  let any = false;
  for (let r = 0; r < n; r++) {
    const v = values[r]?.[c];
    if (v === null || v === undefined || v === '') {
      texts?.push(undefined);
      continue;
    }
    any = true;
    if (typeof v === 'string') {
      if (texts === undefined) {
        // Grown row by row: `new Array(n)` over 100,000 elements is a slow dictionary in V8.
        texts = [];
        for (let i = 0; i < r; i++) texts.push(undefined);
      }
      kinds[r] = CELL_TEXT;
      texts.push(v);
      continue;
    }
    texts?.push(undefined);
    if (typeof v === 'number') {
      kinds[r] = CELL_NUMBER;
      numbers[r] = v;
    } else if (typeof v === 'boolean') kinds[r] = v ? CELL_TRUE : CELL_FALSE;
    else if (isDateObject(v)) {
      kinds[r] = CELL_DATE;
      numbers[r] = v.getTime();
    } else return NOT_HELD;
  }
  return any ? { kinds, numbers, texts } : undefined;
}
