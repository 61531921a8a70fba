/**
 * A small parser for exactly the formula shapes the scorecard writes, back to an Expr: numbers,
 * text, TRUE/FALSE, function calls (`KPI.NPS`, `_xldudf_KPI_NPS`, `_xlfn.X`, plain names), A1
 * references with or without a (quoted) sheet name, open-ended `B2:B`, structured references
 * `Table[Column]` / `Table[[Column]]`, unary minus and the binary operators with Excel precedence.
 * Not a general formula engine: anything else is a parse error, which fails the test.
 */
import { CATALOG_NAMES } from '../../core/catalog/index.js';
import type { Dialect, Expr, LocalRef, RangeRef } from '../../core/scorecard/types.js';

export interface TableInfo {
  readonly sheet: string;
  readonly headerRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly columns: readonly string[];
}

export interface ParseOptions {
  readonly dialect: Dialect;
  readonly tables?: Readonly<Record<string, TableInfo>>;
}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet?: string; text: string }
  | { t: 'struct'; table: string; column: string }
  | { t: 'name'; v: string }
  | { t: 'op'; v: string }
  | { t: '('; } | { t: ')' } | { t: ',' };

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d*))?/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const rest = (): string => src.slice(i);
  while (i < src.length) {
    const c = src[i];
    if (c === ' ') { i++; continue; }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated text in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') { s += '"'; i += 2; continue; }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === "'") {
      // 'Sheet name'!A1
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated sheet name in ${src}`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") { s += "'"; i += 2; continue; }
          i++;
          break;
        }
        s += src[i++];
      }
      if (src[i] !== '!') throw new Error(`expected ! after '${s}' in ${src}`);
      i++;
      const m = CELL.exec(rest());
      if (!m) throw new Error(`expected a reference after '${s}'! in ${src}`);
      out.push({ t: 'ref', sheet: s, text: m[0] });
      i += m[0].length;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(rest());
    if (num && !/^[A-Z]/i.test(c)) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest())!;
      const word = m[0];
      const after = src[i + word.length];
      if (after === '!') {
        i += word.length + 1;
        const r = CELL.exec(rest());
        if (!r) throw new Error(`expected a reference after ${word}! in ${src}`);
        out.push({ t: 'ref', sheet: word, text: r[0] });
        i += r[0].length;
        continue;
      }
      if (after === '[') {
        i += word.length;
        let column: string;
        if (src.startsWith('[[', i)) {
          const end = findClose(src, i + 2, ']]');
          column = unescapeColumn(src.slice(i + 2, end));
          i = end + 2;
        } else {
          const end = findClose(src, i + 1, ']');
          column = unescapeColumn(src.slice(i + 1, end));
          i = end + 1;
        }
        out.push({ t: 'struct', table: word, column });
        continue;
      }
      const cell = CELL.exec(rest());
      if (cell && cell[0].length >= word.length && after !== '(') {
        out.push({ t: 'ref', text: cell[0] });
        i += cell[0].length;
        continue;
      }
      out.push({ t: 'name', v: word });
      i += word.length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') { out.push({ t: 'op', v: two }); i += 2; continue; }
    if ('+-*/&=<>'.includes(c)) { out.push({ t: 'op', v: c }); i++; continue; }
    if (c === '(' || c === ')' || c === ',') { out.push({ t: c } as Token); i++; continue; }
    throw new Error(`unexpected ${JSON.stringify(c)} at ${i} in ${src}`);
  }
  return out;
}

/** The closing bracket of a structured reference, skipping `'`-escaped characters. */
function findClose(src: string, from: number, close: string): number {
  for (let i = from; i < src.length; i++) {
    if (src[i] === "'") { i++; continue; }
    if (src.startsWith(close, i)) return i;
  }
  throw new Error(`unterminated structured reference in ${src}`);
}

const unescapeColumn = (s: string): string => s.replace(/'(.)/g, '$1');

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PRECEDENCE: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4 };

export function parseFormula(text: string, options: ParseOptions): Expr {
  if (!text.startsWith('=')) throw new Error(`not a formula: ${text}`);
  const tokens = tokenize(text.slice(1));
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos++];
    if (!t) throw new Error(`unexpected end of ${text}`);
    return t;
  };
  const expect = (t: Token['t']): void => {
    const got = next();
    if (got.t !== t) throw new Error(`expected ${t}, got ${got.t} in ${text}`);
  };

  const ref = (tok: Extract<Token, { t: 'ref' }>): Expr => {
    const m = CELL.exec(tok.text)!;
    const firstCol = columnNumber(m[1]);
    const firstRow = Number(m[2]);
    const lastCol = m[3] ? columnNumber(m[3]) : firstCol;
    const lastRow = m[3] ? (m[4] === '' ? null : Number(m[4])) : firstRow;
    if (tok.sheet !== undefined) {
      const r: RangeRef = { sheet: tok.sheet, firstRow, lastRow, firstCol, lastCol };
      return { kind: 'range', ref: r };
    }
    if (lastRow === null) throw new Error(`open-ended local reference in ${text}`);
    const l: LocalRef = m[3] ? { row: firstRow, col: firstCol, rows: lastRow - firstRow + 1, cols: lastCol - firstCol + 1 } : { row: firstRow, col: firstCol };
    return { kind: 'local', ref: l };
  };

  const struct = (tok: Extract<Token, { t: 'struct' }>): Expr => {
    const info = options.tables?.[tok.table];
    if (!info) throw new Error(`unknown table ${tok.table} in ${text}`);
    const idx = info.columns.indexOf(tok.column);
    if (idx < 0) throw new Error(`table ${tok.table} has no column ${tok.column}`);
    const col = info.firstCol + idx;
    return {
      kind: 'range',
      ref: { sheet: info.sheet, firstRow: info.headerRow + 1, lastRow: info.lastRow, firstCol: col, lastCol: col, table: { name: tok.table, column: tok.column } },
    };
  };

  const call = (name: string): Expr => {
    expect('(');
    const args: Expr[] = [];
    if (peek()?.t !== ')') {
      for (;;) {
        args.push(expr(0));
        const t = next();
        if (t.t === ')') break;
        if (t.t !== ',') throw new Error(`expected , or ) in ${text}`);
      }
    } else next();
    let fn = name;
    let mine = false;
    if (options.dialect === 'excel' && /^KPI\./i.test(name)) { fn = name.slice(4); mine = true; }
    else if (options.dialect === 'xlsx' && name.startsWith('_xldudf_KPI_')) { fn = name.slice('_xldudf_KPI_'.length); mine = true; }
    else if (options.dialect === 'xlsx' && name.startsWith('_xlfn.')) fn = name.slice(6);
    else if (options.dialect === 'sheets' && (CATALOG_NAMES as readonly string[]).includes(name.toUpperCase())) mine = true;
    return mine ? { kind: 'call', fn, ours: true, args } : { kind: 'call', fn, args };
  };

  const primary = (): Expr => {
    const t = next();
    switch (t.t) {
      case 'num': return { kind: 'num', value: t.v };
      case 'str': return { kind: 'str', value: t.v };
      case 'ref': return ref(t);
      case 'struct': return struct(t);
      case 'name':
        if (peek()?.t === '(') return call(t.v);
        if (/^TRUE$/i.test(t.v)) return { kind: 'bool', value: true };
        if (/^FALSE$/i.test(t.v)) return { kind: 'bool', value: false };
        throw new Error(`unknown name ${t.v} in ${text}`);
      case '(': {
        const e = expr(0);
        expect(')');
        return e;
      }
      case 'op':
        if (t.v === '-') {
          const arg = primary();
          // A negative number literal is written as `-5`: the renderer's num(-5).
          return arg.kind === 'num' ? { kind: 'num', value: -arg.value } : { kind: 'neg', arg };
        }
        throw new Error(`unexpected ${t.v} in ${text}`);
      default:
        throw new Error(`unexpected ${t.t} in ${text}`);
    }
  };

  function expr(min: number): Expr {
    let left = primary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op') return left;
      const p = PRECEDENCE[t.v];
      if (p === undefined || p <= min) return left;
      next();
      const right = expr(p);
      left = { kind: 'op', op: t.v as Extract<Expr, { kind: 'op' }>['op'], left, right };
    }
  }

  const e = expr(0);
  if (pos !== tokens.length) throw new Error(`trailing tokens in ${text}`);
  return e;
}

/** Every call of an expression, depth first. */
export function callsOf(e: Expr): Extract<Expr, { kind: 'call' }>[] {
  const out: Extract<Expr, { kind: 'call' }>[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'call') { out.push(x); x.args.forEach(walk); }
    else if (x.kind === 'op') { walk(x.left); walk(x.right); }
    else if (x.kind === 'neg') walk(x.arg);
  };
  walk(e);
  return out;
}

/** Every data range an expression names. */
export function rangesOf(e: Expr): RangeRef[] {
  const out: RangeRef[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'range') out.push(x.ref);
    else if (x.kind === 'call') x.args.forEach(walk);
    else if (x.kind === 'op') { walk(x.left); walk(x.right); }
    else if (x.kind === 'neg') walk(x.arg);
  };
  walk(e);
  return out;
}

/** An Expr with single-cell local refs in one shape (`{row, col}`), for comparing trees. */
export function normalise(e: Expr): Expr {
  switch (e.kind) {
    case 'local': {
      const { row, col } = e.ref;
      const rows = e.ref.rows ?? 1, cols = e.ref.cols ?? 1;
      return { kind: 'local', ref: rows === 1 && cols === 1 ? { row, col } : { row, col, rows, cols } };
    }
    case 'call': return { ...e, args: e.args.map(normalise) };
    case 'op': return { ...e, left: normalise(e.left), right: normalise(e.right) };
    case 'neg': {
      const arg = normalise(e.arg);
      return arg.kind === 'num' ? { kind: 'num', value: -arg.value } : { kind: 'neg', arg };
    }
    case 'range': {
      // A one-cell range renders as `Sheet!B2`.
      return e;
    }
    default: return e;
  }
}
