/**
 * Issue 12's cell-value cases through the built Sheets add-on (all dist/sheets-addon/*.js in one vm
 * context, as Apps Script loads them), called as Sheets calls a custom function: "" blanks,
 * scalars for single cells, Dates of the script's realm for date cells (the instant of their wall
 * clock in the spreadsheet's zone) and for duration cells (30 Dec 1899 plus the duration, in that
 * zone). Cases and hand-computed values are shared with the Excel test (test/helpers/value-cases.ts).
 */
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddon, createAppsScriptFakes, loadScripts } from '../helpers/apps-script-fakes.js';
import type { BuiltAddon } from '../helpers/apps-script-fakes.js';
import { expectationOn, sheetsArgs, VALUE_CASES } from '../helpers/value-cases.js';

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
});
afterAll(async () => {
  await addon?.remove();
});

const ZONE = 'Europe/Berlin';

function loaded() {
  const fakes = createAppsScriptFakes({ timeZone: ZONE });
  const context = loadScripts(addon.scripts, fakes.globals);
  const makeDate = vm.runInContext('(ms) => new Date(ms)', context) as (ms: number) => Date;
  const fn = (name: string) => context[name] as (...a: unknown[]) => unknown;
  return { context, makeDate, fn };
}

describe('v3 cell values through the Sheets add-on with Sheets-shaped arguments', () => {
  it.each(VALUE_CASES.filter((c) => c.only !== 'excel').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { context, makeDate, fn } = loaded();
    const want = expectationOn(c, 'sheets');
    const args = sheetsArgs(c, ZONE, makeDate);
    if (typeof want === 'object' && !Array.isArray(want)) {
      let message = '';
      try {
        fn(c.fn)(...args);
      } catch (e) {
        // A plain Error of the script's realm: Sheets shows it under #ERROR!.
        expect(e).toBeInstanceOf(vm.runInContext('Error', context) as ErrorConstructor);
        message = (e as Error).message;
      }
      expect(message).toMatch(want.error);
      return;
    }
    const got = JSON.parse(JSON.stringify(fn(c.fn)(...args))) as unknown;
    if (typeof want === 'number') expect(got as number).toBeCloseTo(want, 9);
    else expect(got).toEqual(want);
  });
});
