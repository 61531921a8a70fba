/**
 * xl/styles.xml as what the reader needs per cell style (the `s` index of a cell): its number
 * format text (undefined for General), whether that format shows a date, and whether the font is
 * bold (bold rows at the top are headers).
 */
import type { XmlHandler } from './xml.js';

export interface CellStyle {
  readonly format: string | undefined;
  readonly date: boolean;
  readonly bold: boolean;
}

export const GENERAL_STYLE: CellStyle = { format: undefined, date: false, bold: false };

/** Built-in number formats by id (ECMA-376 Part 1, 18.8.30) that a file need not spell out. */
const BUILT_IN: Readonly<Record<number, string>> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** Ids 27–36 and 50–58 are East Asian locales' date formats; shown here as ISO dates. */
function builtInFormat(id: number): string | undefined {
  if (BUILT_IN[id] !== undefined) return BUILT_IN[id];
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return 'yyyy-mm-dd';
  return undefined;
}

/**
 * Whether a number format shows a date or a time of day: a date or time letter outside quoted
 * text, escaped characters and [brackets]. Elapsed-time formats (`[h]:mm`) show durations, which
 * stay numbers (days), as in a formula.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const section = format.split(';')[0];
  if (/\[(h+|m+|s+)]/i.test(section)) return false;
  const bare = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*]/g, '').replace(/General/gi, '');
  return /[ymdhs]/i.test(bare.replace(/E[+-]/g, ''));
}

export function stylesHandler(): { handler: XmlHandler; result(): CellStyle[] } {
  const custom = new Map<number, string>();
  const fonts: boolean[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  let inFonts = false, inFont = false, inCellXfs = false, depthInXf = 0;
  let bold = false;
  const handler: XmlHandler = {
    open(name, a) {
      switch (name) {
        case 'numFmt':
          if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
          break;
        case 'fonts': inFonts = true; break;
        case 'font':
          if (inFonts) {
            inFont = true;
            bold = false;
          }
          break;
        case 'b':
          if (inFont) bold = a.val === undefined || (a.val !== '0' && a.val !== 'false');
          break;
        case 'cellXfs': inCellXfs = true; break;
        case 'xf':
          if (inCellXfs) {
            if (depthInXf === 0) xfs.push({ numFmtId: Number(a.numFmtId ?? 0), fontId: Number(a.fontId ?? 0) });
            depthInXf++;
          }
          break;
        default: break;
      }
    },
    close(name) {
      switch (name) {
        case 'fonts': inFonts = false; break;
        case 'font':
          if (inFont) {
            fonts.push(bold);
            inFont = false;
          }
          break;
        case 'cellXfs': inCellXfs = false; break;
        case 'xf': if (inCellXfs) depthInXf--; break;
        default: break;
      }
    },
    text() {},
  };
  return {
    handler,
    result: () => xfs.map(({ numFmtId, fontId }) => {
      const format = numFmtId === 0 ? undefined : custom.get(numFmtId) ?? builtInFormat(numFmtId);
      return { format, date: isDateFormat(format), bold: fonts[fontId] === true };
    }),
  };
}
