/**
 * The rows of a worksheet's XML read straight from the text, for large workbooks: cell values as
 * exceljs's reader gives them (shared and inline strings, rich text joined, booleans, error words,
 * formulas as their saved values, numbers with a date format as Dates in the UTC wall-clock
 * convention, 1904 date system included) and each cell's number format, without exceljs's objects
 * per cell.
 */

/** exceljs's built-in number formats (by numFmtId) that it reads as format text. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** exceljs's test for a date format: date letters outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

export function xmlText(t: string): string {
  if (t.indexOf('&') < 0) return t;
  return t.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    ENTITIES[e] ?? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}

/** The text of an `<si>` or `<is>` element: every `<t>` joined (rich text runs included). */
function textOf(inner: string): string {
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) out += xmlText(m[1]);
  return out;
}

export interface SharedStrings {
  readonly text: string[];
  /** Whether the string has formatting runs (exceljs reads those as rich text). */
  readonly rich: boolean[];
}

export function parseSharedStrings(xml: string | undefined): SharedStrings {
  const text: string[] = [], rich: boolean[] = [];
  if (xml === undefined) return { text, rich };
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const inner = m[1] ?? '';
    text.push(textOf(inner));
    rich.push(/<r>/.test(inner));
  }
  return { text, rich };
}

/** Number format text per cell style index (undefined: General). */
export function parseCellFormats(xml: string | undefined): (string | undefined)[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  for (const m of xml.match(/<numFmt\s[^>]*>/g) ?? []) {
    const id = /\snumFmtId="(\d+)"/.exec(m)?.[1];
    const code = /\sformatCode="([^"]*)"/.exec(m)?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), xmlText(code));
  }
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: (string | undefined)[] = [];
  for (const m of xfs.match(/<xf\s[^>]*>|<xf\/>|<xf>/g) ?? []) {
    const id = Number(/\snumFmtId="(\d+)"/.exec(m)?.[1] ?? 0);
    out.push(id ? custom.get(id) ?? BUILT_IN_FORMATS[id] : undefined);
  }
  return out;
}

export interface CellCounts {
  formulas: number;
  noResult: number;
  richText: number;
}

export interface SheetRowSink {
  /** Called once per row that has a value: its 1-based number, first column and values (and formats). */
  (row: number, firstCol: number, values: unknown[], formats: (string | undefined)[] | undefined): void;
}

function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c;
}

/** Reads `<row>`s of a sheet's XML from `from` to the end of its sheetData. */
export function readSheetRows(xml: string, from: number, strings: SharedStrings, cellFormats: readonly (string | undefined)[], date1904: boolean, counts: CellCounts, sink: SheetRowSink): void {
  // Whether each style shows a date, decided once per style rather than once per cell.
  const dates = cellFormats.map(isDateFormat);
  const end = xml.indexOf('</sheetData>', from);
  const stop = end < 0 ? xml.length : end;
  const re = /<row\b([^>]*?)(\/?)>|<\/row>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  re.lastIndex = from;
  let rowNumber = 0, col = 0;
  const cols: number[] = [];
  const vals: unknown[] = [];
  const fmts: (string | undefined)[] = [];
  let anyFormat = false;
  const flush = (): void => {
    if (vals.length > 0) {
      const lo = cols[0], hi = cols[cols.length - 1];
      const values: unknown[] = new Array(hi - lo + 1).fill(null);
      let formats: (string | undefined)[] | undefined;
      if (anyFormat) formats = [];
      for (let i = 0; i < cols.length; i++) {
        values[cols[i] - lo] = vals[i];
        if (formats && fmts[i] !== undefined) formats[cols[i] - lo] = fmts[i];
      }
      sink(rowNumber, lo, values, formats);
    }
    cols.length = 0;
    vals.length = 0;
    fmts.length = 0;
    anyFormat = false;
  };
  for (let m = re.exec(xml); m && m.index < stop; m = re.exec(xml)) {
    if (m[0].charCodeAt(1) === 47) { // </row>
      flush();
      continue;
    }
    if (m[0].charCodeAt(1) === 114) { // <row
      flush();
      const r = /\sr="(\d+)"/.exec(m[1]);
      rowNumber = r ? Number(r[1]) : rowNumber + 1;
      col = 0;
      continue;
    }
    const attrs = m[3];
    const inner = m[4];
    const ref = /\sr="([A-Z]+)/.exec(attrs);
    col = ref ? columnOf(ref[1]) : col + 1;
    if (inner === undefined) continue;
    const t = /\st="([a-zA-Z]+)"/.exec(attrs)?.[1];
    const s = /\ss="(\d+)"/.exec(attrs);
    const styleIndex = s ? Number(s[1]) : -1;
    const fmt = s ? cellFormats[styleIndex] : undefined;
    const vm = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner);
    const hasFormula = /<f[\s>/]/.test(inner);
    let v: unknown = null;
    if (t === 'inlineStr') {
      const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
      if (is) {
        v = textOf(is[1]);
        if (/<r>/.test(is[1])) counts.richText++;
      }
    } else if (vm) {
      const raw = vm[1];
      switch (t) {
        case 's': {
          const i = Number(raw);
          v = strings.text[i] ?? null;
          if (!hasFormula && strings.rich[i]) counts.richText++;
          break;
        }
        case 'str': v = xmlText(raw); break;
        case 'b': v = raw === '1' || raw === 'true'; break;
        case 'e': v = xmlText(raw); break;
        case 'd': v = new Date(raw); break;
        default: {
          const n = parseFloat(raw);
          v = styleIndex >= 0 && dates[styleIndex] ? new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 864e5)) : n;
        }
      }
    }
    if (hasFormula) {
      counts.formulas++;
      if (!vm) counts.noResult++;
    }
    if (v === null && !hasFormula) continue;
    cols.push(col);
    vals.push(v);
    fmts.push(fmt && fmt !== 'General' ? fmt : undefined);
    if (fmt && fmt !== 'General') anyFormat = true;
  }
  flush();
}
