/**
 * Values the way some Excel builds really deliver them, through the built functions.js: data-typed
 * cells as objects (functions.json keeps allowCustomDataForDataTypeAny), and blanks as 0 in
 * repeating arguments and in blank single-cell references to scalar arguments (office-js #1951,
 * #4702). What the core can tell apart it reads right; what it cannot (a 0 that was a blank NPS
 * score) is a caveat docs/excel.md names per function and argument — checked here to be complete.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../../core/catalog/index.js';
import { bundleFunctions, generateMetadata } from '../../scripts/excel-build.js';
import { finishMetadata } from '../../scripts/excel-metadata.js';
import type { Metadata, MetadataFunction } from '../../scripts/excel-metadata.js';
import { call, col, serial } from '../helpers/call.js';
import { loadFunctions } from '../helpers/excel-runtime.js';
import type { LoadedFunctions } from '../helpers/excel-runtime.js';
import { blanksAsZero, bool, double, entity, text } from '../helpers/excel-values.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The second core reader change of issue 15 (core/values, by the values engineer): a date
 * argument's serial 0 read as a blank. The first (data-typed values unwrapped) is in. Until this one
 * is in this branch, the tests that need it are skipped; flip this when it lands.
 */
const CORE_READS_SERIAL_0_AS_BLANK = false;

let code = '';
let excel: LoadedFunctions;
let metadata: Metadata;
const fn = (id: string): MetadataFunction => metadata.functions.find((f) => f.id === id)!;

beforeAll(async () => {
  code = await bundleFunctions(ROOT, true);
  excel = loadFunctions(code);
  metadata = finishMetadata((await generateMetadata(CATALOG)).metadata, CATALOG, 'en');
});

/** Calls a function the way a build that loses blanks does. */
const lossy = (id: string, args: readonly unknown[], blankRefs: readonly string[] = []): unknown =>
  excel.call(id, ...blanksAsZero(fn(id), args, blankRefs));

describe('the fake of a build that passes blanks as 0', () => {
  it('changes the blanks inside repeating arguments and the named blank references, nothing else', () => {
    const args = ['NPS', col('a', 'a', 'a'), [col(10, null, 9), [['']]]];
    expect(blanksAsZero(fn('KPI_BY_GROUP'), args)).toEqual(['NPS', col('a', 'a', 'a'), [col(10, 0, 9), [[0]]]]);
    expect(blanksAsZero(fn('CSAT'), [col(5, null), null, null], ['scale_max'])).toEqual([col(5, null), 0, null]);
    expect(() => blanksAsZero(fn('CSAT'), [col(5), 7, null], ['scale_max'])).toThrow(/blank cell/);
  });
});

describe('blanks that arrive as 0', () => {
  it('KPI_BY_GROUP("NPS") over {10, blank, 9}: 100, but 33.3 where Excel passes the blank as 0 (a caveat: 0 is a score)', () => {
    const groups = col('Web', 'Web', 'Web');
    const scores = col(10, null, 9);
    // Two promoters of two responses: 100. With the blank as a 0 (a detractor): (2 − 1) / 3 = 33.3.
    expect(excel.call('KPI_BY_GROUP', 'NPS', groups, [scores])).toEqual([['Group', 'Rows', 'Value'], ['Web', 3, 100]]);
    const lost = lossy('KPI_BY_GROUP', ['NPS', groups, [scores]]) as unknown[][];
    expect(lost[1][2]).toBeCloseTo(100 / 3, 9);
  });

  it('CSAT(ratings, E1) with E1 blank arriving as 0 names the 0 instead of using the default scale', () => {
    const ratings = col(5, 4, 3, 1);
    expect(excel.call('CSAT', ratings, null, null)).toBe(0.5);
    expect(() => lossy('CSAT', [ratings, null, null], ['scale_max'])).toThrow('CSAT: scale_max 0 must be greater than 0');
  });

  it.skipIf(!CORE_READS_SERIAL_0_AS_BLANK)('an open ticket in KPI_BY_PERIOD stays open when its blank resolved date arrives as 0', () => {
    const opened = col(serial('2026-03-02T09:00'), serial('2026-03-03T10:00'), serial('2026-03-04T08:00'));
    const resolved = col(serial('2026-03-02T15:00'), serial('2026-03-04T10:00'), null);
    const right = excel.call('KPI_BY_PERIOD', 'AVG_RESOLUTION', opened, 'month', [opened, resolved]);
    // Not "resolved 1899-12-30 … is before opened": serial 0 can only be a blank.
    expect(lossy('KPI_BY_PERIOD', ['AVG_RESOLUTION', opened, 'month', [opened, resolved]])).toEqual(right);
    // (6 h + 24 h) / 2 resolved tickets.
    expect((right as unknown[][])[1][2]).toBeCloseTo(15, 9);
  });

  it.skipIf(!CORE_READS_SERIAL_0_AS_BLANK)('a blank date cell passed as a single date argument counts as left out', () => {
    const resolved = col(serial('2026-03-02'), serial('2026-03-05'), serial('2026-03-09'));
    expect(lossy('RESOLVED_ISSUES', [resolved, null, null], ['from', 'to'])).toBe(3);
    const opened = col(serial('2026-03-01'), serial('2026-03-02'));
    const open = col(null, null);
    expect(lossy('ACTIVE_ISSUES', [opened, open, null], ['as_of'])).toBe(excel.call('ACTIVE_ISSUES', opened, open, null));
  });

  it('docs/excel.md names every scalar and repeating argument where Excel may lose a blank', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/excel.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### Where Excel may pass a blank as 0'));
    expect(section.length).toBeLessThan(doc.length);
    const rows = new Set([...section.matchAll(/^\| `(\w+)` \| `(\w+)` \|/gm)].map((m) => `${m[1]}.${m[2]}`));
    const affected = CATALOG.flatMap((f) => f.args
      .filter((a) => a.repeating || (a.kind !== 'range' && a.kind !== 'any'))
      .map((a) => `${f.name}.${a.name}`));
    expect(affected.length).toBeGreaterThan(20);
    expect([...rows].sort()).toEqual([...affected].sort());
  });
});

describe('data-typed cells (allowCustomDataForDataTypeAny)', () => {
  it('keeps allowCustomDataForDataTypeAny (and allowErrorForDataTypeAny) in functions.json', () => {
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  it('reads formatted numbers and Double values by their basicValue', () => {
    const plain = col(10, 9, 3, 8);
    const typed = col(double(10), double(9, '0'), double(3, '#,##0'), 8);
    expect(excel.call('NPS', typed)).toBe(excel.call('NPS', plain));
    // Dates formatted as dates are FormattedNumbers holding the serial.
    const opened = col(double(serial('2026-03-02T09:00'), 'yyyy-mm-dd hh:mm'), serial('2026-03-03T10:00'));
    const resolved = col(double(serial('2026-03-02T15:00'), 'yyyy-mm-dd hh:mm'), double(serial('2026-03-04T10:00'), 'yyyy-mm-dd hh:mm'));
    expect(excel.call('AVG_RESOLUTION', opened, resolved, null, null, null)).toBeCloseTo(15, 9);
    expect(excel.call('CSAT', col(5, 4, 2), double(5), null)).toBe(call('CSAT', col(5, 4, 2), 5));
  });

  it('reads entities by their text, never by their #VALUE! basicValue; strings and booleans by their basicValue', () => {
    const groups = col(entity('Berlin', true), entity('Berlin', true), entity('Wien'), text('Wien'));
    const scores = col(10, 9, 3, 10);
    expect(excel.call('KPI_BY_GROUP', 'NPS', groups, [scores])).toEqual(excel.call('KPI_BY_GROUP', 'NPS', col('Berlin', 'Berlin', 'Wien', 'Wien'), [scores]));
    expect(excel.call('FIRST_CONTACT_RESOLUTION', col(bool(true), bool(false), true, true))).toBe(0.75);
  });
});

describe('functions.js run twice in one runtime', () => {
  it('registers every function once (the shared runtime can initialise twice, office-js #847)', () => {
    const twice = loadFunctions(code + '\n;' + code);
    expect(twice.ids).toEqual(CATALOG.map((f) => f.name));
  });
});
