/**
 * Rendering an Expr as formula text for a dialect:
 * - `excel`: Office.js `range.formulas`: our functions as `KPI.NPS(…)`, data as structured references
 *   (`Survey[Score]`) when the data is an Excel table, else bounded A1 ranges.
 * - `sheets`: `setValues`/`setFormulas`: our functions without prefix (`NPS(…)`), open-ended ranges
 *   (`Survey!B2:B`) that grow with the data.
 * - `xlsx`: the formula as an .xlsx file stores it (written by a tool, read by any spreadsheet):
 *   our functions as Excel stores a custom function, `_xldudf_KPI_NPS(…)` (a file holding `KPI.NPS`
 *   shows #NAME? even after the add-in loads), functions newer than Excel 2007 with `_xlfn.`,
 *   bounded A1 ranges (no structured references: the file's tables are not ours to define).
 * All dialects use `,` between arguments and `.` for decimals: the APIs and the file format take
 * en-US formulas whatever the user's locale. Operators get exactly the parentheses needed for the
 * text to parse back to the same tree (left-associative, Excel precedence), so the test parser can
 * check every formula.
 */
import type { Dialect, Expr, LocalRef, RangeRef } from './types.js';

/** Excel's last row: an open-ended range in a dialect without open ends. */
export const EXCEL_MAX_ROW = 1_048_576;

/**
 * Functions newer than Excel 2007 that an .xlsx file stores with `_xlfn.`. The scorecard emits one
 * of them, POISSON.DIST (the portable staffing table; every spreadsheet has it, but an .xlsx must
 * say `_xlfn.POISSON.DIST` or Excel shows #NAME?); the list keeps the xlsx dialect correct for others.
 */
export const XLFN_FUNCTIONS: ReadonlySet<string> = new Set([
  'AGGREGATE', 'PERCENTILE.INC', 'PERCENTILE.EXC', 'QUARTILE.INC', 'QUARTILE.EXC', 'MEDIAN.INC', 'STDEV.S', 'STDEV.P',
  'NORM.S.INV', 'NORM.S.DIST', 'IFNA', 'IFS', 'SWITCH', 'MAXIFS', 'MINIFS', 'CONCAT', 'TEXTJOIN', 'XLOOKUP',
  'XMATCH', 'FILTER', 'UNIQUE', 'SORT', 'SORTBY', 'SEQUENCE', 'LET', 'LAMBDA', 'DAYS', 'ISOWEEKNUM', 'RANK.EQ',
  'POISSON.DIST',
]);

/** Column letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

/** `C5`. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A cell or block on the scorecard sheet itself: `C5`, `AD5:AD364`. */
export function localA1(ref: LocalRef): string {
  const rows = ref.rows ?? 1;
  const cols = ref.cols ?? 1;
  const first = a1(ref.row, ref.col);
  return rows === 1 && cols === 1 ? first : `${first}:${a1(ref.row + rows - 1, ref.col + cols - 1)}`;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CELL_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^[Rr][0-9]*[Cc][0-9]*$/;

/**
 * A sheet name as it appears before `!`: plain names as they are, anything else (spaces, accents,
 * punctuation, names that look like a cell such as `A1` or `R1C1`, TRUE/FALSE) in single quotes with
 * inner quotes doubled: `'Tickets 2026'!A2:A`, `'Bob''s data'!B2`.
 */
export function quoteSheetName(name: string): string {
  const plain = PLAIN_NAME.test(name) && !CELL_LIKE.test(name) && !R1C1_LIKE.test(name) && !/^(true|false)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Characters that need the double-bracket form of a structured reference (Microsoft's list). */
const STRUCTURED_SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;

/** `Survey[Score]`, `Survey[[Score (0-10)]]`; `'` escapes `[ ] # '` inside a column name. */
export function structuredRef(table: string, column: string): string {
  const escaped = column.replace(/['[\]#]/g, (c) => `'${c}`);
  return STRUCTURED_SPECIAL.test(column) ? `${table}[[${escaped}]]` : `${table}[${escaped}]`;
}

/** A data range for a dialect (see the module comment). */
export function rangeText(ref: RangeRef, dialect: Dialect): string {
  if (ref.table && dialect === 'excel') return structuredRef(ref.table.name, ref.table.column);
  const first = a1(ref.firstRow, ref.firstCol);
  const lastColText = columnLetters(ref.lastCol);
  let last: string;
  if (ref.lastRow === null) last = dialect === 'sheets' ? lastColText : `${lastColText}${EXCEL_MAX_ROW}`;
  else last = `${lastColText}${ref.lastRow}`;
  const single = ref.lastRow === ref.firstRow && ref.firstCol === ref.lastCol;
  return `${quoteSheetName(ref.sheet)}!${single ? first : `${first}:${last}`}`;
}

/** `Tickets!D6`, `'Survey 2026'!B14`: the cell at `row`, `col` (0-based) of a data range, as a note names it. */
export function sheetCell(ref: RangeRef, row: number, col: number): string {
  return `${quoteSheetName(ref.sheet)}!${a1(ref.firstRow + row, ref.firstCol + col)}`;
}

/** A function's name as the dialect writes it. */
export function functionName(fn: string, ours: boolean, dialect: Dialect): string {
  if (ours) {
    if (dialect === 'excel') return `KPI.${fn}`;
    if (dialect === 'xlsx') return `_xldudf_KPI_${fn}`;
    return fn;
  }
  return dialect === 'xlsx' && XLFN_FUNCTIONS.has(fn) ? `_xlfn.${fn}` : fn;
}

/** A number literal: plain digits, `E` for exponents (`1E-7`), never NaN or Infinity. */
export function numberText(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (!Number.isFinite(n)) throw new RangeError(`cannot write ${n} into a formula`);
  return String(n).toUpperCase().replace('E+', 'E');
}

/** A text literal: double quotes, inner quotes doubled. */
export function stringText(s: string): string {
  return s.indexOf('"') < 0 ? `"${s}"` : `"${s.replace(/"/g, '""')}"`;
}

type Op = Extract<Expr, { kind: 'op' }>['op'];

/** Binding strength (Excel): comparisons < & < + − < * / < unary minus < atoms. */
const OP_PRECEDENCE: Readonly<Record<Op, number>> = {
  '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4,
};
const NEG_PRECEDENCE = 6;
const ATOM = 7;

function precedence(e: Expr): number {
  if (e.kind === 'op') return OP_PRECEDENCE[e.op];
  if (e.kind === 'neg') return NEG_PRECEDENCE;
  if (e.kind === 'num' && (e.value < 0 || Object.is(e.value, -0))) return NEG_PRECEDENCE;
  return ATOM;
}

/** The expression as text, without the leading `=`. */
export function exprText(e: Expr, dialect: Dialect): string {
  // Pieces joined once: nested template strings made a new string per level of every formula.
  const out: string[] = [];
  writeExpr(e, dialect, out);
  return out.join('');
}

function writeExpr(e: Expr, dialect: Dialect, out: string[]): void {
  switch (e.kind) {
    case 'num': out.push(numberText(e.value)); return;
    case 'str': out.push(stringText(e.value)); return;
    case 'bool': out.push(e.value ? 'TRUE' : 'FALSE'); return;
    case 'range': out.push(keptRangeText(e.ref, dialect)); return;
    case 'local': out.push(localA1(e.ref)); return;
    case 'call': {
      out.push(functionName(e.fn, e.ours === true, dialect), '(');
      for (let i = 0; i < e.args.length; i++) {
        if (i > 0) out.push(',');
        writeExpr(e.args[i], dialect, out);
      }
      out.push(')');
      return;
    }
    case 'neg': {
      const paren = precedence(e.arg) < ATOM;
      out.push(paren ? '-(' : '-');
      writeExpr(e.arg, dialect, out);
      if (paren) out.push(')');
      return;
    }
    case 'op': {
      const p = OP_PRECEDENCE[e.op];
      // Left-associative: a left child of equal strength needs no parentheses, a right one does.
      const lp = precedence(e.left) < p || (p === 1 && precedence(e.left) === 1);
      const rp = precedence(e.right) <= p;
      if (lp) out.push('(');
      writeExpr(e.left, dialect, out);
      out.push(lp ? `)${e.op}` : e.op);
      if (rp) out.push('(');
      writeExpr(e.right, dialect, out);
      if (rp) out.push(')');
    }
  }
}

/** A range's text per dialect, kept by its reference (a KPI's ranges recur in every period's formula). */
const rangeTexts: Record<Dialect, WeakMap<RangeRef, string>> = { excel: new WeakMap(), sheets: new WeakMap(), xlsx: new WeakMap() };
function keptRangeText(ref: RangeRef, dialect: Dialect): string {
  const kept = rangeTexts[dialect];
  let text = kept.get(ref);
  if (text === undefined) kept.set(ref, (text = rangeText(ref, dialect)));
  return text;
}

/** The formula text for a cell: `=` + the expression. */
export function formulaText(e: Expr, dialect: Dialect): string {
  return `=${exprText(e, dialect)}`;
}

// ------------------------------------------------------------------ building expressions

export const num = (value: number): Expr => ({ kind: 'num', value });
export const str = (value: string): Expr => ({ kind: 'str', value });
export const bool = (value: boolean): Expr => ({ kind: 'bool', value });
export const local = (row: number, col: number, rows?: number, cols?: number): Expr => ({
  kind: 'local',
  ref: rows === undefined && cols === undefined ? { row, col } : { row, col, rows: rows ?? 1, cols: cols ?? 1 },
});
export const range = (ref: RangeRef): Expr => ({ kind: 'range', ref });
/** A native spreadsheet function. */
export const fn = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', fn: name, args });
/** A catalog function (prefixed per dialect). */
export const ours = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', fn: name, ours: true, args });
export const op = (o: Op, left: Expr, right: Expr): Expr => ({ kind: 'op', op: o, left, right });
export const neg = (arg: Expr): Expr => ({ kind: 'neg', arg });
/** `DATE(y,m,d)`, plus a fraction of a day when there is one (a moment, not a day). */
export function dateExpr(serial: number): Expr {
  const day = Math.floor(serial + 1e-9);
  const d = new Date((day - 25_569) * 86_400_000);
  const date = fn('DATE', num(d.getUTCFullYear()), num(d.getUTCMonth() + 1), num(d.getUTCDate()));
  // Whole seconds are what data holds; rounding keeps `DATE(…)+0.4375` instead of float dust.
  const frac = Math.round((serial - day) * 86_400) / 86_400;
  return frac > 0 ? op('+', date, num(frac)) : date;
}
