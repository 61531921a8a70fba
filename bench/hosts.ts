/**
 * The built bundles loaded the way their hosts load them, so a benchmark call goes through the
 * same entry point and argument conversion a spreadsheet uses:
 *
 *   Excel:  dist/excel-addin/functions.js, a classic script, run in a fresh vm context with a
 *           `CustomFunctions` stub whose associate() records every function by id.
 *   Sheets: every dist/sheets-addon/*.js in one vm context (Apps Script's single global scope),
 *           with a `SpreadsheetApp` stub whose spreadsheet reports its time zone; the catalog
 *           functions are then plain globals (`NPS(scores)`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export type HostFunction = (...args: unknown[]) => unknown;

export interface LoadedHost {
  readonly context: vm.Context;
  /** The registered function for a catalog name. */
  fn(name: string): HostFunction;
  /** Service calls the stubs saw (Sheets: one time-zone read per call is expected). */
  readonly serviceCalls: { count: number };
}

export class CustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

export function excelBundlePath(dist: string): string {
  return path.join(dist, 'excel-addin', 'functions.js');
}

export function sheetsBundleDir(dist: string): string {
  return path.join(dist, 'sheets-addon');
}

/** The .js files clasp would push, in name order (Apps Script loads them into one scope). */
export function sheetsScripts(dist: string): { name: string; code: string }[] {
  const dir = sheetsBundleDir(dist);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((name) => ({ name, code: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Compiles and runs functions.js in a fresh context; returns the associated functions. */
export function loadExcel(code: string): LoadedHost {
  const functions = new Map<string, HostFunction>();
  const CustomFunctions = {
    associate(id: string | Record<string, HostFunction>, fn?: HostFunction) {
      if (typeof id === 'string' && fn) functions.set(id, fn);
      else if (typeof id === 'object') for (const [k, f] of Object.entries(id)) functions.set(k, f);
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  };
  const context = vm.createContext({ CustomFunctions });
  new vm.Script(code, { filename: 'functions.js' }).runInContext(context);
  return {
    context,
    serviceCalls: { count: 0 },
    fn(name) {
      const f = functions.get(name) ?? functions.get(name.toUpperCase());
      if (!f) throw new Error(`functions.js did not associate ${name}`);
      return f;
    },
  };
}

/** Runs every Sheets script in one fresh context with a SpreadsheetApp stub reporting `timeZone`. */
export function loadSheets(scripts: readonly { name: string; code: string }[], timeZone: string): LoadedHost {
  const serviceCalls = { count: 0 };
  const spreadsheet = {
    getSpreadsheetTimeZone() {
      serviceCalls.count++;
      return timeZone;
    },
  };
  const SpreadsheetApp = {
    getActive() {
      serviceCalls.count++;
      return spreadsheet;
    },
    getActiveSpreadsheet() {
      serviceCalls.count++;
      return spreadsheet;
    },
  };
  const context = vm.createContext({ SpreadsheetApp, console });
  for (const s of scripts) new vm.Script(s.code, { filename: s.name }).runInContext(context);
  return {
    context,
    serviceCalls,
    fn(name) {
      const f = (context as Record<string, unknown>)[name];
      if (typeof f !== 'function') throw new Error(`the Sheets scripts define no global function ${name}`);
      return f as HostFunction;
    },
  };
}

/**
 * A catalog call in a host's calling convention. Excel passes every declared parameter (omitted
 * optionals as null) and the repeating `args…` as ONE array of matrices; Sheets passes what the
 * formula wrote, the repeating part spread.
 */
export function hostCall(host: 'excel' | 'sheets', loaded: LoadedHost, name: string, args: readonly unknown[], repeatingFrom?: number): () => unknown {
  const f = loaded.fn(name);
  if (host === 'excel') {
    const excelArgs = repeatingFrom === undefined ? [...args] : [...args.slice(0, repeatingFrom), args.slice(repeatingFrom).map(asMatrix)];
    return () => f(...excelArgs);
  }
  return () => f(...args);
}

function asMatrix(x: unknown): unknown {
  return Array.isArray(x) ? x : [[x]];
}
