/**
 * A catalog function's message as the scorecard's notes quote it: the cells it names by their
 * place on the sheet (`Tickets!D6`), where the function names them within its range (`row 5 of
 * resolved`, as the catalog contract says for cell functions). A manager reading a note goes to
 * the cell it names; row 5 of `Tickets!D2:D` is sheet row 6.
 *
 * The function's error carries each cell it names as data (errors.ts, CellPlace): the text naming
 * it, the range it was found in (the argument as passed, by identity) and its row and column there.
 * Only the cells of arguments that are sheet ranges are placed; any other (a computed array, a
 * period's rows cut by KPI_BY_PERIOD) keeps the function's words.
 */
import type { CellPlace } from '../../errors.js';
import { isTypedColumn } from '../../values/typed-column.js';
import { sheetCell } from '../formula.js';
import type { Expr } from '../types.js';

/**
 * `message` with each place named by its sheet cell. `args` are the call's expressions and
 * `values` the host values it passed for them (a place's range is one of these).
 */
export function withSheetCells(message: string, places: readonly CellPlace[], args: readonly Expr[], values: readonly unknown[]): string {
  // Found in the function's own message, then replaced from the last: a sheet name written in is never searched.
  const found: { at: number; length: number; cell: string }[] = [];
  for (const place of places) {
    const k = values.findIndex((v) => isRangeOf(place, v));
    const arg = k >= 0 ? args[k] : undefined;
    if (arg?.kind !== 'range') continue;
    const at = placeIndex(message, place.text);
    if (at >= 0 && !found.some((f) => f.at === at)) found.push({ at, length: place.text.length, cell: sheetCell(arg.ref, place.row, place.col) });
  }
  let out = message;
  for (const f of found.sort((x, y) => y.at - x.at)) out = out.slice(0, f.at) + f.cell + out.slice(f.at + f.length);
  return out;
}

/** The place lies in host value `v`: `v` itself, or the rows a column held as typed arrays made for a reader. */
function isRangeOf(place: CellPlace, v: unknown): boolean {
  return v === place.range || (isTypedColumn(v) && v.madeCells() === place.range);
}

/**
 * Where `text` (`row 5`, `row 5 of flags`) stands in `message` as a place: a whole phrase (not
 * `row 5` of `row 52`) outside the quoted values the message shows (`"row 5" at row 7 is …`).
 * -1 when it is not there.
 */
function placeIndex(message: string, text: string): number {
  let quoted = false;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') {
      quoted = true;
      continue;
    }
    if (!message.startsWith(text, i)) continue;
    const before = i === 0 ? ' ' : message[i - 1];
    const after = message[i + text.length] ?? ' ';
    if (!/[0-9A-Za-z_]/.test(before) && !/[0-9A-Za-z_]/.test(after)) return i;
  }
  return -1;
}
