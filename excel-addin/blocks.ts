/// <reference types="office-js" />
/**
 * Reading rectangles of cells within Excel on the web's limits: "a payload size limit for requests
 * and responses of 5MB" and "a range is limited to 5,000,000 cells for read operations"
 * (office-js-docs-pr, docs/concepts/resource-limits-and-performance-optimization.md, "Excel
 * add-ins"), whose advice is to split the reads and "call context.sync() for each sub-operation".
 *
 * Each rectangle is cut into row pieces of at most `budget` cells, and the pieces are packed into
 * syncs of at most `budget` cells: one sync per chunk, and small reads (the outline of many sheets)
 * share one. A number or a date serial is at most ~18 bytes of JSON, so 100,000 cells stay near
 * 2 MB. Long texts can still push a chunk over 5 MB: when Excel refuses a sync for its payload, the
 * budget is halved for the rest of the read (the refused pieces are cut again) and the sync is
 * repeated, down to a single row.
 */

/** Cells per sync when reading data (about 2 MB of numbers or dates as JSON). */
export const CHUNK_CELLS = 100_000;

export type BlockProperty = 'values' | 'numberFormat';

export interface BlockRead {
  readonly sheet: Excel.Worksheet;
  /** 0-based position and size on the sheet. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly property: BlockProperty;
}

interface Piece {
  readonly read: number;
  /** Rows from the read's first row. */
  readonly offset: number;
  readonly rows: number;
}

export interface BlockReport {
  /** Syncs made, refused ones included. */
  syncs: number;
  /** Syncs Excel refused for their payload (each repeated with smaller pieces). */
  refused: number;
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** True for the error Excel rejects a sync with when a request or response is over 5 MB. */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PAYLOAD_CODES.has(code);
}

/** Rows of `cols` columns that fit in `budget` cells (at least one). */
export function rowsPerChunk(cols: number, budget: number): number {
  return Math.max(1, Math.floor(budget / Math.max(1, cols)));
}

/** The syncs `readBlocks` makes for these reads when Excel refuses none (documentation, tests). */
export function plannedSyncs(reads: readonly Pick<BlockRead, 'rows' | 'cols'>[], budget = CHUNK_CELLS): number {
  return pack(pieces(reads, budget), reads, budget).length;
}

function pieces(reads: readonly Pick<BlockRead, 'rows' | 'cols'>[], budget: number): Piece[] {
  const out: Piece[] = [];
  reads.forEach((r, i) => {
    const step = rowsPerChunk(r.cols, budget);
    for (let offset = 0; offset < r.rows; offset += step) out.push({ read: i, offset, rows: Math.min(step, r.rows - offset) });
  });
  return out;
}

/** Greedy packing in order: a sync takes pieces while their cells stay within the budget. */
function pack(list: readonly Piece[], reads: readonly Pick<BlockRead, 'cols'>[], budget: number): Piece[][] {
  const syncs: Piece[][] = [];
  let current: Piece[] = [];
  let cells = 0;
  for (const p of list) {
    const size = p.rows * reads[p.read].cols;
    if (current.length > 0 && cells + size > budget) {
      syncs.push(current);
      current = [];
      cells = 0;
    }
    current.push(p);
    cells += size;
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

/**
 * Reads every rectangle (values or number formats) and returns each as one grid, in the order
 * given. Syncs as often as the budget needs, never more.
 */
export async function readBlocks(
  context: Excel.RequestContext,
  reads: readonly BlockRead[],
  budget = CHUNK_CELLS,
  report: BlockReport = { syncs: 0, refused: 0 },
): Promise<unknown[][][]> {
  const out: unknown[][][] = reads.map((r) => new Array<unknown[]>(r.rows));
  let todo = pieces(reads, budget);
  while (todo.length > 0) {
    const batch = pack(todo, reads, budget)[0];
    const ranges = batch.map((p) => {
      const r = reads[p.read];
      const range = r.sheet.getRangeByIndexes(r.row + p.offset, r.col, p.rows, r.cols);
      range.load(r.property);
      return range;
    });
    report.syncs++;
    try {
      await context.sync();
    } catch (e) {
      const cells = batch.reduce((n, p) => n + p.rows * reads[p.read].cols, 0);
      const single = batch.length === 1 && batch[0].rows === 1;
      if (!isPayloadError(e) || single) throw e;
      report.refused++;
      // Smaller syncs from now on: everything left is cut again to the new budget.
      budget = Math.max(1, Math.floor(cells / 2));
      todo = todo.flatMap((p) => {
        const step = rowsPerChunk(reads[p.read].cols, budget);
        if (p.rows <= step) return [p];
        const parts: Piece[] = [];
        for (let o = 0; o < p.rows; o += step) parts.push({ read: p.read, offset: p.offset + o, rows: Math.min(step, p.rows - o) });
        return parts;
      });
      continue;
    }
    batch.forEach((p, i) => {
      const grid = (reads[p.read].property === 'values' ? ranges[i].values : ranges[i].numberFormat) as unknown[][];
      const target = out[p.read];
      for (let r = 0; r < p.rows; r++) target[p.offset + r] = grid[r];
    });
    todo = todo.slice(batch.length);
  }
  return out;
}
