/**
 * The thin adapter between Excel's custom-function calls and the core. Excel hands over what the
 * core already reads: ranges as 2-D arrays, single cells as `[[x]]`, blanks and omitted optional
 * arguments as `null`, dates as serials, error cells as error objects. What is left to do here:
 * spread the repeating `args…` (Excel passes them as ONE array of matrices) into the core's
 * argument list, and turn a KpiError into Excel's `#VALUE!` / `#N/A` with the core's message.
 *
 * Excel serials are already wall-clock times, so the core runs on the UTC clock: no zone shifts.
 */
import type { FunctionSpec } from '../core/catalog/types.js';
import { callSpec } from '../core/call.js';
import { isKpiError } from '../core/errors.js';
import type { KpiErrorKind } from '../core/errors.js';
import { wallClock } from '../core/values/clock.js';
import type { Result } from '../core/values/context.js';

/** Builds the error Excel shows: `new CustomFunctions.Error(code, message)` in the add-in. */
export type ErrorFactory = (kind: KpiErrorKind, message: string) => unknown;

export type ExcelFunction = (...args: unknown[]) => Result;

const UTC = wallClock('UTC');

/** The core's argument list from Excel's: the repeating last parameter spread out. */
export function coreArgs(spec: FunctionSpec, excelArgs: readonly unknown[]): unknown[] {
  const n = spec.args.length;
  const last = spec.args[n - 1];
  // Excel passes exactly the declared parameters; anything beyond (an invocation object) is not ours.
  const declared = excelArgs.length > n ? excelArgs.slice(0, n) : [...excelArgs];
  if (!last?.repeating || declared.length < n) return declared;
  const rest = declared[n - 1];
  const spread = Array.isArray(rest) ? rest : rest === null || rest === undefined ? [] : [rest];
  return [...declared.slice(0, n - 1), ...spread];
}

/** Tables as Excel spills them: every empty cell `""` (a null would show as 0). */
function excelResult(r: Result): Result {
  if (!Array.isArray(r)) return r;
  for (const row of r) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as unknown;
      if (v === null || v === undefined) row[c] = '';
    }
  }
  return r;
}

/** The function Excel calls for one catalog entry. */
export function excelFunction(spec: FunctionSpec, makeError: ErrorFactory): ExcelFunction {
  return (...args: unknown[]): Result => {
    let result: Result;
    try {
      result = callSpec(spec, UTC, coreArgs(spec, args));
    } catch (e) {
      if (isKpiError(e)) throw makeError(e.kind, e.message);
      // A bug must show as an error in the cell, never as a wrong value.
      const why = e instanceof Error ? e.message : String(e);
      throw makeError('value', `${spec.name}: internal error: ${why}`);
    }
    return excelResult(result);
  };
}
