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
  private static key(row: number, col: number): number {
    return row * 20_000 + col;
  }
  put(row: number, col: number, cell: PlanCell): void {
    const k = SheetModel.key(row, col);
    this.cells.set(k, cell);
    const v = cell.formula ? cell.formula.cached : cell.value;
    if (v === undefined) this.values.delete(k);
    else this.values.set(k, v);
  }
  /** Cached values a spilling formula puts beside and below its own cell. */
  spill(row: number, col: number, table: readonly (readonly Cell[])[]): void {
    for (let r = 0; r < table.length; r++) {
      for (let c = 0; c < table[r].length; c++) if (r > 0 || c > 0) this.values.set(SheetModel.key(row + r, col + c), table[r][c]);
    }
  }
  cell(row: number, col: number): PlanCell | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }
  value(row: number, col: number): Cell | null {
    return this.values.get(SheetModel.key(row, col)) ?? null;
  }
  read(ref: LocalRef): (Cell | null)[][] {
    const out: (Cell | null)[][] = [];
    for (let r = 0; r < (ref.rows ?? 1); r++) {
      const row: (Cell | null)[] = [];
      for (let c = 0; c < (ref.cols ?? 1); c++) row.push(this.value(ref.row + r, ref.col + c));
      out.push(row);
    }
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
