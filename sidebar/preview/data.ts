/**
 * The preview's sample data as scripts/preview.mjs writes it (JSON, dates as `{"$date": iso}`),
 * turned back into WorkbookData; and the "hostile" fixture that proves user text stays text.
 */
import type { SheetData, WorkbookData } from '../../core/scorecard/types.js';

export interface SampleSheetJson {
  readonly name: string;
  readonly originRow: number;
  readonly originCol: number;
  readonly values: readonly (readonly unknown[])[];
  /** Number formats by 1-based column. */
  readonly formats?: Readonly<Record<number, string>>;
  /** Column widths in pixels by 1-based column. */
  readonly widths?: Readonly<Record<number, number>>;
}

export interface SampleJson {
  readonly timeZone: string;
  readonly sheets: readonly SampleSheetJson[];
}

export interface PreviewData {
  readonly data: WorkbookData;
  readonly formats: Record<string, Readonly<Record<number, string>>>;
  readonly widths: Record<string, Readonly<Record<number, number>>>;
}

function revive(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { $date?: unknown }).$date === 'string') {
    return new Date((v as { $date: string }).$date);
  }
  return v;
}

export function reviveSample(json: SampleJson): PreviewData {
  const formats: Record<string, Readonly<Record<number, string>>> = {};
  const widths: Record<string, Readonly<Record<number, number>>> = {};
  const sheets: SheetData[] = json.sheets.map((s) => {
    formats[s.name] = s.formats ?? {};
    widths[s.name] = s.widths ?? {};
    return { name: s.name, originRow: s.originRow, originCol: s.originCol, values: s.values.map((row) => row.map(revive)) };
  });
  return { data: { timeZone: json.timeZone, sheets }, formats, widths };
}

/** Header, sheet name and cell texts that would run script if anything inserted them as markup. */
export const HOSTILE_HEADER = '<img src=x onerror=window.__xss=1>';
export const HOSTILE_SHEET = '<svg onload=window.__xss=2>';

export function withHostileText(preview: PreviewData): PreviewData {
  const sheets = preview.data.sheets.map((s, i) => {
    if (i !== 0 || s.values.length === 0) return s;
    // The first sheet's last header becomes markup text.
    const header = [...s.values[0]];
    header[header.length - 1] = HOSTILE_HEADER;
    return { ...s, values: [header, ...s.values.slice(1)] };
  });
  sheets.push({
    name: HOSTILE_SHEET,
    originRow: 1,
    originCol: 1,
    values: [
      ['<script>window.__xss=3</script>', 'Score'],
      ['=HYPERLINK("https://example.com","click")', 9],
      ['<b onmouseover=window.__xss=4>bold</b>', 7],
    ],
  });
  return { ...preview, data: { ...preview.data, sheets } };
}
