/**
 * How some Excel builds deliver cell values to custom functions, for tests of the built bundle:
 *
 * - Blanks as 0: "some Excel builds pass blanks in repeating arguments and blank single-cell
 *   references to scalar arguments as 0" (office-js issues #1951 and #4702). `blanksAsZero` turns
 *   an Excel call's arguments into what such a build passes: every blank (null, "", undefined)
 *   inside the matrices of a repeating parameter becomes 0, and so does each scalar parameter the
 *   test names as a reference to a blank cell (an omitted argument stays null: that one Excel
 *   passes correctly).
 * - Data types: with `allowCustomDataForDataTypeAny` in functions.json, Excel passes data-typed
 *   cells as objects (office-js-docs-pr docs/excel/custom-functions-data-types-concepts.md and the
 *   Excel.CellValue reference): a formatted number as { type: "FormattedNumber", basicValue,
 *   numberFormat }, a number as { type: "Double", basicValue }, a linked entity (Stocks, Geography)
 *   or an entity as { type: "LinkedEntity" | "Entity", text, properties, basicType: "Error",
 *   basicValue: "#VALUE!" } — an entity's basicValue is an error, its text is what the cell shows.
 */
import type { MetadataFunction } from '../../scripts/excel-metadata.js';

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** The arguments as a build that loses blanks passes them. `blankRefs`: scalar parameters that point at a blank cell. */
export function blanksAsZero(fn: MetadataFunction, args: readonly unknown[], blankRefs: readonly string[] = []): unknown[] {
  return args.map((arg, i) => {
    const p = fn.parameters[i];
    if (!p) return arg;
    if (p.repeating) {
      return (arg as unknown[][][]).map((m) => m.map((row) => row.map((v) => (isBlank(v) ? 0 : v))));
    }
    if (blankRefs.includes(p.name)) {
      if ((p.dimensionality ?? 'scalar') !== 'scalar') throw new Error(`${fn.id}: ${p.name} is not a scalar parameter`);
      if (!isBlank(arg)) throw new Error(`${fn.id}: ${p.name} is meant to point at a blank cell`);
      return 0;
    }
    return arg;
  });
}

export interface DataTyped {
  readonly type: string;
  readonly basicValue?: unknown;
  readonly basicType?: string;
  readonly [key: string]: unknown;
}

/** A number as a Double data type, optionally formatted. */
export const double = (n: number, numberFormat?: string): DataTyped =>
  numberFormat ? { type: 'FormattedNumber', basicType: 'Double', basicValue: n, numberFormat } : { type: 'Double', basicType: 'Double', basicValue: n };

export const text = (s: string): DataTyped => ({ type: 'String', basicType: 'String', basicValue: s });

export const bool = (b: boolean): DataTyped => ({ type: 'Boolean', basicType: 'Boolean', basicValue: b });

/** An entity (or a linked entity such as a Geography or Stocks cell): its text is what the cell shows. */
export const entity = (shown: string, linked = false): DataTyped => ({
  type: linked ? 'LinkedEntity' : 'Entity',
  text: shown,
  basicType: 'Error',
  basicValue: '#VALUE!',
  errorType: 'Field',
  properties: { Name: { type: 'String', basicValue: shown } },
});
