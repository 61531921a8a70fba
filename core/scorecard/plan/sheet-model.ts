/**
 * The scorecard sheet as it is planned: cells with their cached values (so formulas can read the
 * cells planned before them), written in blocks a host applies in one call each.
 */
import type { Cell } from '../../values/context.js';
import { cachedOf, evaluate } from '../evaluate.js';
import type { EvalEnv, Value } from '../evaluate.js';
import { formulaText } from '../formula.js';
import type { Dialect, Expr, LocalRef, PlanBlock, PlanCell, PlanFormula, ScorecardPlan } from '../types.js';
import type { SpillingFormula } from './layout.js';

/** Cells of the scorecard sheet as they are planned, with cached values for local references. */
export class SheetModel {
  private readonly cells = new Map<number, PlanCell>();
  private readonly values = new Map<number, Cell>();
  /** Per column, how often its values changed: a kept read is valid while its columns' counts hold. */
  private readonly versions: number[] = [];
  /** Per column, the row after the last one that ever held a value (rows from there on are empty). */
  private readonly ends: number[] = [];
  /** Reads of ranges (more than one cell), by address, with their columns' versions when read. */
  private readonly reads = new Map<string, { readonly stamp: number[]; readonly out: readonly (readonly (Cell | null)[])[] }>();
  private static key(row: number, col: number): number {
    return row * 20_000 + col;
  }
  private touch(col: number, end: number): void {
    this.versions[col] = (this.versions[col] ?? 0) + 1;
    if (end > (this.ends[col] ?? 0)) this.ends[col] = end;
  }
  put(row: number, col: number, cell: PlanCell): void {
    const k = SheetModel.key(row, col);
    this.cells.set(k, cell);
    const v = cell.formula ? cell.formula.cached : cell.value;
    if (v === undefined) this.values.delete(k);
    else this.values.set(k, v);
    this.touch(col, row + 1);
  }
  /** Cached values a spilling formula puts beside and below its own cell. */
  spill(row: number, col: number, table: readonly (readonly Cell[])[]): void {
    let width = 0;
    for (let r = 0; r < table.length; r++) {
      width = Math.max(width, table[r].length);
      for (let c = 0; c < table[r].length; c++) if (r > 0 || c > 0) this.values.set(SheetModel.key(row + r, col + c), table[r][c]);
    }
    for (let c = 0; c < width; c++) this.touch(col + c, row + table.length);
  }
  cell(row: number, col: number): PlanCell | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }
  value(row: number, col: number): Cell | null {
    return this.values.get(SheetModel.key(row, col)) ?? null;
  }
  /**
   * The cached values of a rectangle, row by row. Read-only: a range's read is kept and handed out
   * again until a cell in one of its columns changes (every period's lookup reads the same spill
   * area), and its empty rows are one shared row.
   */
  read(ref: LocalRef): readonly (readonly (Cell | null)[])[] {
    const rows = ref.rows ?? 1, cols = ref.cols ?? 1;
    if (rows * cols === 1) return [[this.value(ref.row, ref.col)]];
    const key = `${ref.row}:${ref.col}:${rows}:${cols}`;
    const hit = this.reads.get(key);
    if (hit && hit.stamp.every((v, c) => v === (this.versions[ref.col + c] ?? 0))) return hit.out;
    const stamp: number[] = [];
    let end = ref.row;
    for (let c = 0; c < cols; c++) {
      stamp.push(this.versions[ref.col + c] ?? 0);
      end = Math.max(end, this.ends[ref.col + c] ?? 0);
    }
    const out: (readonly (Cell | null)[])[] = new Array(rows);
    const empty: readonly null[] = new Array(cols).fill(null);
    for (let r = 0; r < rows; r++) {
      const at = ref.row + r;
      if (at >= end) {
        out[r] = empty;
        continue;
      }
      const line: (Cell | null)[] = new Array(cols);
      for (let c = 0; c < cols; c++) line[c] = this.value(at, ref.col + c);
      out[r] = line;
    }
    this.reads.set(key, { stamp, out });
    return out;
  }
  /** A rectangle of planned cells as a block (null where nothing is planned). */
  block(id: string, row: number, col: number, rows: number, cols: number): PlanBlock {
    const cells: (PlanCell | null)[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: (PlanCell | null)[] = [];
      for (let c = 0; c < cols; c++) line.push(this.cell(row + r, col + c) ?? null);
      cells.push(line);
    }
    return { id, row, col, cells };
  }
}

/** Writes planned cells: formulas rendered for the dialect and evaluated for their cached values. */
export class SheetWriter {
  readonly model = new SheetModel();
  readonly blocks: PlanBlock[] = [];

  constructor(readonly env: EvalEnv, readonly dialect: Dialect) {}

  /** The value of an expression on this sheet now (formulas planned so far supply their cached values). */
  evaluate(expr: Expr): Value {
    return evaluate(expr, this.env);
  }

  /**
   * Puts a formula cell and returns its formula, cached value and the message of an error, if any.
   * `value`: the expression's value when the caller has already computed it.
   */
  putFormula(row: number, col: number, expr: Expr, extra: Omit<PlanCell, 'formula'> = {}, value?: Value): { formula: PlanFormula; cached: Cell; message?: string } {
    const c = cachedOf(value === undefined ? this.evaluate(expr) : value);
    const base: PlanFormula = { expr, text: formulaText(expr, this.dialect), cached: c.cached };
    const formula = c.spill ? ({ ...base, spill: c.spill } as SpillingFormula) : base;
    this.model.put(row, col, { ...extra, formula });
    if (c.spill) this.model.spill(row, col, c.spill);
    return { formula, cached: c.cached, message: c.message };
  }

  /**
   * Puts a constant. An empty text is written as the formula `=""`: an empty shared string under
   * INDEX reads as 0 in LibreOffice and Excel, a formula's "" reads as empty everywhere.
   */
  putValue(row: number, col: number, value: Cell | undefined, extra: Omit<PlanCell, 'value'> = {}): void {
    if (value === '') {
      this.putFormula(row, col, { kind: 'str', value: '' }, extra, '');
      return;
    }
    this.model.put(row, col, value === undefined ? { ...extra } : { ...extra, value });
  }

  /** Adds the planned rectangle as a block of the plan. */
  addBlock(id: string, row: number, col: number, rows: number, cols: number): void {
    this.blocks.push(this.model.block(id, row, col, rows, cols));
  }
}

/** Every cached value of a plan by `row:col`, spills included (what a sheet would show). */
export function planValues(plan: ScorecardPlan): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const b of plan.blocks) {
    b.cells.forEach((line, r) => line.forEach((cell, c) => {
      if (!cell) return;
      const row = b.row + r, col = b.col + c;
      const f = cell.formula as Partial<SpillingFormula> | undefined;
      if (f?.spill) {
        f.spill.forEach((sl, sr) => sl.forEach((v, sc) => out.set(`${row + sr}:${col + sc}`, v)));
      } else if (cell.formula) out.set(`${row}:${col}`, cell.formula.cached);
      else if (cell.value !== undefined) out.set(`${row}:${col}`, cell.value);
    }));
  }
  return out;
}
