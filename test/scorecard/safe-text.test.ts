import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutralise } from '../../core/safe-text.js';

describe('user text written to cells', () => {
  it('gets an apostrophe when a host would read it as a formula', () => {
    expect(neutralise('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(neutralise('+cmd|"/c calc"!A1')).toBe(`'+cmd|"/c calc"!A1`);
    expect(neutralise('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(neutralise('-1+2')).toBe("'-1+2");
    // Also after leading spaces, tabs and line breaks.
    for (const lead of [' ', '\t', '\r\n', '  \n ']) expect(neutralise(`${lead}=1+1`)).toBe(`'${lead}=1+1`);
  });

  it('stays as it is otherwise', () => {
    for (const t of ['Anna', 'friendly', '', 'x=1', 'a-b', '2026-03-01', "'already"]) expect(neutralise(t)).toBe(t);
  });

  it('never starts like a formula after neutralising', () => {
    fc.assert(fc.property(fc.string(), (t) => {
      expect(looksLikeFormula(neutralise(t))).toBe(false);
    }));
  });
});
