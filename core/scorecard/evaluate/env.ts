/**
 * Where an expression's ranges and local cells come from: a workbook's data sheets (as the host
 * read them) and the cached values of the scorecard sheet itself, plus a per-plan memo.
 */
import type { WallClock } from '../../values/clock.js';
import { wallClock } from '../../values/clock.js';
import type { CallOptions, Cell } from '../../values/context.js';
import type { LocalRef, RangeRef, WorkbookData } from '../types.js';

export interface EvalEnv {
  readonly clock: WallClock;
  /** Cells of a data range as the host would pass them (blank = null), with a cache key. */
  range(ref: RangeRef): { readonly raw: readonly (readonly unknown[])[]; readonly key: string };
  /** Cached values of cells on the scorecard sheet itself (null = empty). */
  local(ref: LocalRef): readonly (readonly (Cell | null)[])[];
  /** Per-plan memo: criteria row sets, array subexpressions, catalog results. */
  readonly memo: Map<string, unknown>;
  /** What catalog calls get besides their arguments: the day/month order of date text no cell decides. */
  readonly callOptions?: CallOptions;
}

const NULL_ROW: readonly unknown[] = Object.freeze([null]);

/**
 * An environment over a workbook's data. Ranges beyond a sheet's used area read as blank; an
 * open-ended range (`lastRow` null) ends at the sheet's last used row.
 */
export function workbookEnv(data: WorkbookData, local: EvalEnv['local'] = () => [], callOptions?: CallOptions): EvalEnv {
  const clock = wallClock(data.timeZone);
  const sheets = new Map(data.sheets.map((s) => [s.name, s]));
  const ranges = new Map<string, readonly (readonly unknown[])[]>();
  return {
    clock,
    local,
    memo: new Map(),
    ...(callOptions ? { callOptions } : {}),
    range(ref) {
      const key = `${ref.sheet}\u0000${ref.firstRow}:${ref.lastRow ?? ''}:${ref.firstCol}:${ref.lastCol}`;
      let raw = ranges.get(key);
      if (!raw) {
        raw = readRange(sheets.get(ref.sheet), ref);
        ranges.set(key, raw);
      }
      return { raw, key };
    },
  };
}

function readRange(sheet: WorkbookData['sheets'][number] | undefined, ref: RangeRef): unknown[][] {
  const values = sheet?.values ?? [];
  const originRow = sheet?.originRow ?? 1;
  const originCol = sheet?.originCol ?? 1;
  const lastUsed = originRow + values.length - 1;
  const lastRow = ref.lastRow ?? Math.max(lastUsed, ref.firstRow - 1);
  const cols = ref.lastCol - ref.firstCol + 1;
  const out: unknown[][] = new Array(Math.max(0, lastRow - ref.firstRow + 1));
  // One-column ranges of text and flags repeat few values: their rows are shared, read-only
  // arrays (no catalog function writes to its arguments), which spares 200 000 allocations a column.
  const shared = new Map<unknown, readonly unknown[]>();
  for (let r = ref.firstRow, i = 0; r <= lastRow; r++, i++) {
    const src = values[r - originRow];
    if (!src) {
      out[i] = (cols === 1 ? NULL_ROW : new Array(cols).fill(null)) as unknown[];
      continue;
    }
    if (cols === 1) {
      let v = src[ref.firstCol - originCol];
      if (v === undefined || v === '') v = null;
      if (v === null) out[i] = NULL_ROW as unknown[];
      else if (typeof v === 'string' || typeof v === 'boolean') {
        let row = shared.get(v);
        if (!row) shared.set(v, (row = [v]));
        out[i] = row as unknown[];
      } else out[i] = [v];
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
