/**
 * The built functions.js run as Excel's custom-functions runtime would run it: a classic script in
 * a fresh global scope (node:vm), with a recording `CustomFunctions` object — `associate` records
 * each id, `Error` keeps its code and message, `ErrorCode` holds Excel's error texts.
 */
import vm from 'node:vm';

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** What `new CustomFunctions.Error(code, message)` builds in the fake runtime. */
export class FakeCustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
    this.name = 'CustomFunctions.Error';
  }
}

export type Associated = (...args: unknown[]) => unknown;

export interface LoadedFunctions {
  /** Functions by id, in the order they were associated. */
  readonly functions: Map<string, Associated>;
  /** Every id passed to associate, duplicates included. */
  readonly ids: string[];
  call(id: string, ...args: unknown[]): unknown;
  /** The CustomFunctions.Error a call throws (fails when it returns or throws something else). */
  errorOf(id: string, ...args: unknown[]): FakeCustomFunctionsError;
}

export function loadFunctions(code: string, withCustomFunctions = true): LoadedFunctions {
  const functions = new Map<string, Associated>();
  const ids: string[] = [];
  const CustomFunctions = {
    associate(id: string, fn: Associated) {
      ids.push(id);
      functions.set(id, fn);
    },
    Error: FakeCustomFunctionsError,
    ErrorCode: ERROR_CODES,
  };
  const context = vm.createContext(withCustomFunctions ? { CustomFunctions } : {});
  new vm.Script(code, { filename: 'functions.js' }).runInContext(context);
  const call = (id: string, ...args: unknown[]): unknown => {
    const fn = functions.get(id);
    if (!fn) throw new Error(`functions.js did not associate ${id}`);
    return fn(...args);
  };
  return {
    functions,
    ids,
    call,
    errorOf(id, ...args) {
      try {
        call(id, ...args);
      } catch (e) {
        if (e instanceof FakeCustomFunctionsError) return e;
        throw e;
      }
      throw new Error(`expected ${id} to throw a CustomFunctions.Error`);
    },
  };
}
