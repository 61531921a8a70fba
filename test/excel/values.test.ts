/**
 * Issue 12's cell-value cases through the built functions.js, called as Excel calls it: ranges as
 * 2-D arrays, single cells as [[x]], null blanks, date cells as serials, a 0:02:14 cell as 0.00155,
 * data-typed cells as objects, the repeating args… as one array of matrices. The cases and their
 * hand-computed values are shared with the Sheets test (test/helpers/value-cases.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFunctions } from '../../scripts/excel-build.js';
import { loadFunctions } from '../helpers/excel-runtime.js';
import type { LoadedFunctions } from '../helpers/excel-runtime.js';
import { excelArgs, expectationOn, VALUE_CASES } from '../helpers/value-cases.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let excel: LoadedFunctions;

beforeAll(async () => {
  excel = loadFunctions(await bundleFunctions(ROOT, true));
});

describe('v3 cell values through functions.js with Excel-shaped arguments', () => {
  it.each(VALUE_CASES.filter((c) => c.only !== 'sheets').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const want = expectationOn(c, 'excel');
    const args = excelArgs(c);
    if (typeof want === 'object' && !Array.isArray(want)) {
      const e = excel.errorOf(c.fn, ...args);
      expect(e.code).toBe(want.kind === 'na' ? '#N/A' : '#VALUE!');
      expect(e.message).toMatch(want.error);
      return;
    }
    const got = excel.call(c.fn, ...args);
    if (typeof want === 'number') expect(got as number).toBeCloseTo(want, 9);
    else expect(got).toEqual(want);
  });
});
