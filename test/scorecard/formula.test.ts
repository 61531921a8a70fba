import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnLetters, dateExpr, fn, formulaText, functionName, local, num, numberText, op, ours, quoteSheetName, range, rangeText, str,
  structuredRef,
} from '../../core/scorecard/formula.js';
import type { Dialect, Expr, RangeRef } from '../../core/scorecard/types.js';
import { serial } from '../helpers/call.js';
import { normalise, parseFormula } from '../helpers/formula-parser.js';

const ref = (over: Partial<RangeRef> = {}): RangeRef => ({ sheet: 'Survey', firstRow: 2, lastRow: null, firstCol: 2, lastCol: 2, ...over });

describe('formula text', () => {
  it('names columns with letters: A, Z, AA, AZ, ZZ, AAA', () => {
    expect([1, 26, 27, 52, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });

  it('quotes sheet names only when a plain name would be misread', () => {
    expect(quoteSheetName('Survey')).toBe('Survey');
    expect(quoteSheetName('Monthly figures')).toBe("'Monthly figures'");
    expect(quoteSheetName("Bob's data")).toBe("'Bob''s data'");
    // Names that look like a cell, R1C1, a boolean or a number, and non-ASCII letters.
    for (const name of ['A1', 'AB12', 'R1C1', 'TRUE', '2026', 'Übersicht', 'Q1-2026']) expect(quoteSheetName(name)).toBe(`'${name}'`);
  });

  it('writes open-ended ranges for Sheets and bounded ones elsewhere', () => {
    expect(rangeText(ref(), 'sheets')).toBe('Survey!B2:B');
    expect(rangeText(ref(), 'xlsx')).toBe('Survey!B2:B1048576');
    expect(rangeText(ref({ lastRow: 1200 }), 'excel')).toBe('Survey!B2:B1200');
    expect(rangeText(ref({ lastRow: 2 }), 'sheets')).toBe('Survey!B2');
    expect(rangeText(ref({ sheet: 'Monthly figures', lastCol: 3, lastRow: 9 }), 'xlsx')).toBe("'Monthly figures'!B2:C9");
  });

  it('writes Excel tables as structured references (only in the Excel dialect)', () => {
    const t = ref({ lastRow: 50, table: { name: 'Survey', column: 'Score' } });
    expect(rangeText(t, 'excel')).toBe('Survey[Score]');
    expect(rangeText(t, 'xlsx')).toBe('Survey!B2:B50');
    expect(rangeText(t, 'sheets')).toBe('Survey!B2:B50');
  });

  it('puts column names with special characters in double brackets and escapes [ ] # \'', () => {
    expect(structuredRef('T', 'Order Date')).toBe('T[Order Date]');
    expect(structuredRef('T', 'Total $')).toBe('T[[Total $]]');
    expect(structuredRef('T', "Bob's #1 [x]")).toBe("T[[Bob''s '#1 '[x']]]");
  });

  it("prefixes our functions per dialect and newer native ones with _xlfn. in .xlsx", () => {
    expect(functionName('NPS', true, 'excel')).toBe('KPI.NPS');
    expect(functionName('NPS', true, 'sheets')).toBe('NPS');
    expect(functionName('NPS', true, 'xlsx')).toBe('_xldudf_KPI_NPS');
    expect(functionName('IFNA', false, 'xlsx')).toBe('_xlfn.IFNA');
    expect(functionName('IFNA', false, 'excel')).toBe('IFNA');
    expect(functionName('COUNTIFS', false, 'xlsx')).toBe('COUNTIFS');
  });

  it('writes numbers without exponent surprises and text with doubled quotes', () => {
    expect([numberText(0.5), numberText(-3), numberText(1e-7), numberText(1e21)]).toEqual(['0.5', '-3', '1E-7', '1E21']);
    expect(() => numberText(NaN)).toThrow(RangeError);
    expect(formulaText(str('say "hi"'), 'sheets')).toBe('="say ""hi"""');
  });

  it('adds exactly the parentheses Excel precedence needs', () => {
    const a = local(1, 1), b = local(1, 2), c = local(1, 3);
    expect(formulaText(op('-', a, op('-', b, c)), 'sheets')).toBe('=A1-(B1-C1)');
    expect(formulaText(op('-', op('-', a, b), c), 'sheets')).toBe('=A1-B1-C1');
    expect(formulaText(op('*', op('+', a, b), c), 'sheets')).toBe('=(A1+B1)*C1');
    expect(formulaText({ kind: 'neg', arg: op('+', a, b) }, 'sheets')).toBe('=-(A1+B1)');
    expect(formulaText(op('-', a, num(-5)), 'sheets')).toBe('=A1--5');
    expect(formulaText(op('=', op('>', a, b), c), 'sheets')).toBe('=(A1>B1)=C1');
    // & binds looser than +: a criterion with a moment needs no parentheses.
    expect(formulaText(op('&', str('<='), dateExpr(serial('2026-03-01 10:30'))), 'sheets')).toBe('="<="&DATE(2026,3,1)+0.4375');
  });

  it('writes a whole day as DATE(y,m,d)', () => {
    expect(formulaText(dateExpr(serial('2026-12-31')), 'xlsx')).toBe('=DATE(2026,12,31)');
  });

  it('renders every expression so that it parses back to the same tree, in every dialect', () => {
    const leaf: fc.Arbitrary<Expr> = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => num(Object.is(v, -0) ? 0 : v)),
      fc.string({ maxLength: 6 }).map(str),
      fc.boolean().map((value): Expr => ({ kind: 'bool', value })),
      fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 60 })).map(([r, c]) => local(r, c)),
      fc.tuple(fc.constantFrom('Survey', 'Monthly figures', "Bob's"), fc.integer({ min: 1, max: 40 }), fc.option(fc.integer({ min: 50, max: 900 }), { nil: null }))
        .map(([sheet, col, lastRow]) => range({ sheet, firstRow: 2, lastRow, firstCol: col, lastCol: col })),
    );
    const tree = fc.letrec<{ e: Expr }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(fc.constantFrom('+', '-', '*', '/', '&', '=', '<>', '<', '<=', '>', '>=' as const), tie('e'), tie('e'))
          .map(([o, l, r]) => op(o as Extract<Expr, { kind: 'op' }>['op'], l, r)),
        tie('e').map((arg): Expr => ({ kind: 'neg', arg })),
        fc.tuple(fc.constantFrom('COUNTIFS', 'IF', 'SUMPRODUCT'), fc.array(tie('e'), { maxLength: 3 })).map(([name, args]) => fn(name, ...args)),
        fc.tuple(fc.constantFrom('NPS', 'KPI_BY_PERIOD'), fc.array(tie('e'), { maxLength: 3 })).map(([name, args]) => ours(name, ...args)),
      ),
    })).e;
    for (const dialect of ['excel', 'sheets', 'xlsx'] as Dialect[]) {
      fc.assert(fc.property(tree, (e) => {
        const text = formulaText(e, dialect);
        const back = parseFormula(text, { dialect });
        // xlsx closes open ranges at Excel's last row.
        const expected = dialect === 'sheets' ? e : closeRanges(e);
        expect(normalise(back)).toEqual(normalise(expected));
      }), { numRuns: 300 });
    }
  });
});

function closeRanges(e: Expr): Expr {
  switch (e.kind) {
    case 'range': return e.ref.lastRow === null ? { kind: 'range', ref: { ...e.ref, lastRow: 1_048_576 } } : e;
    case 'op': return { ...e, left: closeRanges(e.left), right: closeRanges(e.right) };
    case 'neg': return { kind: 'neg', arg: closeRanges(e.arg) };
    case 'call': return { ...e, args: e.args.map(closeRanges) };
    default: return e;
  }
}
