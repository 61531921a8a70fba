/**
 * Where an expression's ranges and local cells come from: a workbook's data sheets (as the host
 * read them) and the cached values of the scorecard sheet itself, plus a per-plan memo.
 */
import type { WallClock } from '../../values/clock.js';
import { wallClock } from '../../values/clock.js';
import type { CallOptions, Cell, ReadCache } from '../../values/context.js';
import { newReadCache } from '../../values/read.js';
import { cellRow, NULL_ROW } from '../columns.js';
import type { ColumnSlice } from '../columns.js';
import { TypedColumn } from '../../values/typed-column.js';
import { HostColumns, NOT_HELD } from '../host-columns.js';
import type { LocalRef, RangeRef, SheetData, WorkbookData } from '../types.js';

/** A data range: its cells as a host would pass them, and (one column of a columnar sheet) the column itself. */
export interface RangeData {
  /** Identity for caching (the address). */
  readonly key: string;
  /** Rows of the range. */
  readonly rows: number;
  /** The cells as the host would pass them (blank = null); made on first use for a column slice. */
  readonly raw: readonly (readonly unknown[])[];
  /** The range's column, when it is one column of a sheet held by column (SheetData.columns). */
  readonly slice?: ColumnSlice;
  /** That column as catalog functions take it (core/values/typed-column.ts): no rows made for them. */
  readonly typed?: TypedColumn;
}

export interface EvalEnv {
  readonly clock: WallClock;
  /** A data range (cached by its address). */
  range(ref: RangeRef): RangeData;
  /** Cached values of cells on the scorecard sheet itself (null = empty). */
  local(ref: LocalRef): readonly (readonly (Cell | null)[])[];
  /** Per-plan memo: criteria row sets, array subexpressions, catalog results. */
  readonly memo: Map<string, unknown>;
  /** What catalog calls get besides their arguments: the day/month order of date text no cell decides. */
  readonly callOptions?: CallOptions;
  /** Number columns the catalog calls of this plan have read (by range array): read once, not per call. */
  readonly reads?: ReadCache;
}

/**
 * An environment over a workbook's data. Ranges beyond a sheet's used area read as blank; an
 * open-ended range (`lastRow` null) ends at the sheet's last used row.
 */
export function workbookEnv(data: WorkbookData, local: EvalEnv['local'] = () => [], callOptions?: CallOptions): EvalEnv {
  const clock = wallClock(data.timeZone);
  const sheets = new Map(data.sheets.map((s) => [s.name, s]));
  const ranges = new Map<string, RangeData>();
  const byRef = new Map<RangeRef, RangeData>();
  // One column's rows over its sheet's used area, shared by every one-column range of it (a live
  // formula's range reaches past the data, a check's ends with it: the same cells, read once).
  const columnRows = new Map<string, readonly (readonly unknown[])[]>();
  const rowsOf = (sheet: SheetData, col: number): readonly (readonly unknown[])[] => {
    const key = `${sheet.name}\u0000${col}`;
    let rows = columnRows.get(key);
    if (!rows) columnRows.set(key, (rows = readColumnRows(sheet, col)));
    return rows;
  };
  // A sheet passed by rows, held by column for this environment (its rows do not change meanwhile).
  const held = new Map<SheetData, HostColumns>();
  const byColumn = (sheet: SheetData): HostColumns => {
    let h = held.get(sheet);
    if (!h) held.set(sheet, (h = new HostColumns(sheet.values)));
    return h;
  };
  return {
    clock,
    local,
    memo: new Map(),
    reads: newReadCache(),
    ...(callOptions ? { callOptions } : {}),
    range(ref) {
      // Most calls pass a reference seen before: found by identity, without building its address.
      const seen = byRef.get(ref);
      if (seen) return seen;
      const key = `${ref.sheet}\u0000${ref.firstRow}:${ref.lastRow ?? ''}:${ref.firstCol}:${ref.lastCol}`;
      let r = ranges.get(key);
      if (!r) {
        r = rangeData(sheets.get(ref.sheet), ref, key, rowsOf, byColumn);
        ranges.set(key, r);
      }
      byRef.set(ref, r);
      return r;
    },
  };
}

function rangeData(sheet: SheetData | undefined, ref: RangeRef, key: string, rowsOf: (sheet: SheetData, col: number) => readonly (readonly unknown[])[], byColumn: (sheet: SheetData) => HostColumns): RangeData {
  const originRow = sheet?.originRow ?? 1;
  const length = sheet ? (sheet.columns ?? sheet.values).length : 0;
  const lastUsed = originRow + length - 1;
  const lastRow = ref.lastRow ?? Math.max(lastUsed, ref.firstRow - 1);
  const rows = Math.max(0, lastRow - ref.firstRow + 1);
  const columns = sheet?.columns;
  const column = sheet && ref.firstCol === ref.lastCol ? (columns ? columns.column(ref.firstCol - sheet.originCol) : byColumn(sheet).column(ref.firstCol - sheet.originCol)) : NOT_HELD;
  if (column !== NOT_HELD) {
    const slice: ColumnSlice = { column, from: ref.firstRow - originRow, length: rows };
    // A sheet passed by rows gives its rows as they are (shared by every range of the column), not made again.
    const hostRows = columns || !sheet ? undefined : () => columnRange(rowsOf(sheet, ref.firstCol), slice.from, rows);
    const typed = new TypedColumn(slice.column, slice.from, rows, undefined, hostRows);
    return {
      key, rows, slice, typed,
      get raw() {
        return typed.cells;
      },
    };
  }
  const raw = sheet && !columns && ref.firstCol === ref.lastCol ? columnRange(rowsOf(sheet, ref.firstCol), ref.firstRow - originRow, rows) : readRange(sheet, ref, rows);
  return { key, rows, raw };
}

/** A sheet's column as a host passes it, `[[v], …]`, over the sheet's rows (blank = null; text and flag rows shared). */
function readColumnRows(sheet: SheetData, col: number): unknown[][] {
  const c = col - sheet.originCol;
  const out: unknown[][] = new Array(sheet.values.length);
  const shared = new Map<unknown, readonly unknown[]>();
  for (let i = 0; i < sheet.values.length; i++) {
    let v = sheet.values[i]?.[c];
    if (v === undefined || v === '') v = null;
    out[i] = cellRow(v, shared);
  }
  return out;
}

/** `rows` rows of a column's rows from `from` on (rows beyond the sheet blank). */
function columnRange(column: readonly (readonly unknown[])[], from: number, rows: number): unknown[][] {
  const out: unknown[][] = new Array(rows);
  for (let i = 0, r = from; i < rows; i++, r++) out[i] = (r >= 0 && r < column.length ? column[r] : NULL_ROW) as unknown[];
  return out;
}

function readRange(sheet: SheetData | undefined, ref: RangeRef, rows: number): unknown[][] {
  const originRow = sheet?.originRow ?? 1;
  const originCol = sheet?.originCol ?? 1;
  const source = sheet?.columns ?? sheet?.values;
  const rowAt = (r: number): readonly unknown[] | undefined => (source === undefined ? undefined : sheet?.columns ? sheet.columns.at(r) : sheet!.values[r]);
  const cols = ref.lastCol - ref.firstCol + 1;
  const out: unknown[][] = new Array(rows);
  // One-column ranges of text and flags repeat few values: their rows are shared, read-only
  // arrays (no catalog function writes to its arguments), which spares 200 000 allocations a column.
  const shared = new Map<unknown, readonly unknown[]>();
  for (let r = ref.firstRow, i = 0; i < rows; r++, i++) {
    const src = rowAt(r - originRow);
    if (!src) {
      out[i] = (cols === 1 ? NULL_ROW : new Array(cols).fill(null)) as unknown[];
      continue;
    }
    if (cols === 1) {
      let v = src[ref.firstCol - originCol];
      if (v === undefined || v === '') v = null;
      out[i] = cellRow(v, shared);
      continue;
    }
    const row: unknown[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const v = src[ref.firstCol + c - originCol];
      row[c] = v === undefined || v === '' ? null : v;
    }
    out[i] = row;
  }
  return out;
}
