/**
 * The small pieces of the command line's output: number formatting by unit, the terminal table,
 * the progress bar (terminals only), the marker names and the data-bar XML.
 */
import { describe, expect, it } from 'vitest';
import { formatInterval, formatValue } from '../../cli/format.js';
import { absoluteRef, parseNameRef, targetName } from '../../cli/marker.js';
import { createProgress } from '../../cli/progress.js';
import { renderTable } from '../../cli/terminal-table.js';
import { argb, dataBarsXml, widthInChars } from '../../cli/write-xlsx.js';
import type { KpiSummary } from '../../core/scorecard/types.js';

const kpi = (over: Partial<KpiSummary>): KpiSummary => ({
  id: 'nps', kpi: 'NPS', name: 'Net Promoter Score', perspective: 'strategic', value: 33.0275, previous: 49.06, baseline: '',
  target: 30, direction: 'higher', status: 'green', period: '2026-11', unit: 'points', trend: [], trendLabels: [], definition: '', ...over,
});

describe('values in their unit', () => {
  it('shows shares as percentages, NPS in points, hours with h, money with two decimals, blanks as –', () => {
    expect(formatValue(0.70536, 'share')).toBe('70.5 %');
    expect(formatValue(33.0275, 'points')).toBe('33.0');
    expect(formatValue(21.2, 'hours')).toBe('21.2 h');
    expect(formatValue(29655, 'money')).toBe('29,655.00');
    expect(formatValue(150, 'count')).toBe('150');
    expect(formatValue('', 'share')).toBe('–');
    expect(formatValue(0.70536, 'share', 'de')).toBe('70,5 %');
    expect(formatValue(29655, 'money', 'de')).toBe('29.655,00');
  });

  it('shows an interval with one unit sign', () => {
    expect(formatInterval({ ciLow: 0.615, ciHigh: 0.782, unit: 'share' })).toBe('61.5 – 78.2 %');
    expect(formatInterval({ ciLow: 18, ciHigh: 48.1, unit: 'points' })).toBe('18.0 – 48.1');
    expect(formatInterval({ unit: 'share' })).toBe('');
  });
});

describe('the terminal table', () => {
  const rows = [kpi({}), kpi({ id: 'csat', kpi: 'CSAT', name: 'Customer satisfaction (CSAT)', value: 0.705, previous: 0.808, baseline: 0.667, target: 0.8, status: 'red', unit: 'share', n: 112, ciLow: 0.615, ciHigh: 0.782 })];

  it('aligns the columns and right-aligns the numbers', () => {
    expect(renderTable(rows)).toBe([
      'KPI                           Period   Actual  Previous  Baseline  Target  Status    n        95 % CI',
      '────────────────────────────  ───────  ──────  ────────  ────────  ──────  ──────  ───  ─────────────',
      'Net Promoter Score            2026-11    33.0      49.1         –    30.0  green',
      'Customer satisfaction (CSAT)  2026-11  70.5 %    80.8 %    66.7 %  80.0 %  red     112  61.5 – 78.2 %',
      '',
    ].join('\n'));
  });

  it('says "too few (n)" instead of a colour when the period holds fewer answers or tickets than the minimum', () => {
    const few = [kpi({ status: 'too-few', tooFew: 6, n: 6 })];
    expect(renderTable(few).split('\n')[2]).toBe('Net Promoter Score  2026-11    33.0      49.1         –    30.0  too few (6)  6');
    expect(renderTable(few, { language: 'de', color: true }).split('\n')[2]).toContain('zu wenige (6)');
    expect(renderTable(few, { color: true })).not.toContain('\x1b[');
  });

  it('colours the status only when asked (a terminal without NO_COLOR)', () => {
    expect(renderTable(rows, { color: true })).toContain('\x1b[31mred   \x1b[0m');
    expect(renderTable(rows)).not.toContain('\x1b[');
  });

  it('shortens the KPI names on a narrow terminal', () => {
    // The table is 101 characters wide; at 89 the name column gives up 12 of its 28.
    const narrow = renderTable(rows, { width: 89 }).split('\n');
    expect(narrow[3].startsWith('Customer satisf…  2026-11  70.5 %')).toBe(true);
    expect(Math.max(...narrow.map((l) => [...l].length))).toBe(89);
  });

  it('speaks German with --lang de: headers, decimal commas, status words', () => {
    const lines = renderTable(rows, { language: 'de', color: true }).split('\n');
    expect(lines[0]).toMatch(/^Kennzahl +Periode +Ist +Vorperiode +Basis +Ziel +Status +n +95-%-KI$/);
    expect(lines[3]).toMatch(/^Customer satisfaction \(CSAT\) +2026-11 +70,5 % +80,8 % +66,7 % +80,0 % +\x1b\[31mrot +\x1b\[0m +112 +61,5 – 78,2 %$/);
    expect(lines[2]).toContain('\x1b[32mgrün');
  });
});

describe('the progress bar', () => {
  const stream = (isTTY: boolean): { isTTY: boolean; columns: number; text: string; write(t: string): boolean } => ({
    isTTY, columns: 60, text: '', write(t: string) { this.text += t; return true; },
  });

  it('draws on a terminal and clears its line when done', () => {
    const s = stream(true);
    let now = 0;
    const p = createProgress(s, true, () => (now += 100));
    p.step('reading tickets.csv', 0.5);
    expect(s.text).toBe('\r\x1b[2K[############------------]  50% reading tickets.csv');
    p.done();
    expect(s.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal, or the input is small', () => {
    const log = stream(false);
    createProgress(log, true).step('reading', 0.5);
    const small = stream(true);
    createProgress(small, false).step('reading', 0.5);
    expect(log.text + small.text).toBe('');
  });
});

describe('the scorecard marker', () => {
  it('names the sheet and the target cells with defined names that read back', () => {
    expect(targetName('nps')).toBe('_ServiceKpi_Target_nps');
    expect(targetName('bad id')).toBeUndefined();
    expect(absoluteRef("Bob's KPIs", 5, 7)).toBe("'Bob''s KPIs'!$G$5");
    expect(parseNameRef("'Bob''s KPIs'!$G$5")).toEqual({ sheet: "Bob's KPIs", row: 5, col: 7 });
    expect(parseNameRef('Scorecard!$AB$12:$AC$13')).toEqual({ sheet: 'Scorecard', row: 12, col: 28 });
    expect(parseNameRef('#REF!')).toBeUndefined();
  });
});

describe('writing the workbook', () => {
  it('converts colours and widths to what the file format wants', () => {
    expect(argb('#C6EFCE')).toBe('FFC6EFCE');
    expect(argb('#abc')).toBe('FFAABBCC');
    expect(widthInChars(230)).toBe(32.14);
  });

  it('writes data bars as Excel 2007 did (min, max, one colour)', () => {
    const bars = dataBarsXml([{ row: 5, col: 16, rows: 1, cols: 12 }], 4);
    expect(bars).toBe('<conditionalFormatting sqref="P5:AA5"><cfRule type="dataBar" priority="4"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF8EA9DB"/></dataBar></cfRule></conditionalFormatting>');
  });
});
