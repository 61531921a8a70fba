import { describe, expect, it } from 'vitest';
import {
  parseBrandAttributes, parseMinimum, parseNumberInput, parseReportingDate, parseServiceLevelSeconds, parseSlaHours, parseStatusList, parseTarget,
  reportingDateText, targetText,
} from '../../sidebar/fields.js';
import { kpiInfoById } from '../../core/scorecard/kpis.js';

// The KPIs' infos as the host hands them to the sidebar (their target ranges come from the definitions).
const info = (id: string) => kpiInfoById(id)!;
const share = info('csat');
const nps = info('nps');
const hours = info('avgResolution');

describe('typed numbers', () => {
  it('reads English and German decimal marks and grouping', () => {
    expect(parseNumberInput('en', '80')).toBe(80);
    expect(parseNumberInput('en', '57.3')).toBe(57.3);
    expect(parseNumberInput('de', '57,3')).toBe(57.3);
    expect(parseNumberInput('en', '1,250.5')).toBe(1250.5);
    expect(parseNumberInput('de', '1.250,5')).toBe(1250.5);
    // A German manager typing "1.250" means twelve hundred and fifty.
    expect(parseNumberInput('de', '1.250')).toBe(1250);
  });

  it('accepts a trailing percent sign, spaces and the typographic minus', () => {
    expect(parseNumberInput('en', ' 80 % ')).toBe(80);
    expect(parseNumberInput('de', '80\u00a0%')).toBe(80);
    expect(parseNumberInput('en', '\u221220')).toBe(-20);
  });

  it('gives null for an empty field and undefined for text that is no number', () => {
    expect(parseNumberInput('en', '   ')).toBeNull();
    expect(parseNumberInput('en', 'eighty')).toBeUndefined();
    expect(parseNumberInput('en', '8o')).toBeUndefined();
    expect(parseNumberInput('en', '%')).toBeUndefined();
  });
});

describe('targets', () => {
  it('takes shares in percent and hands the engine fractions', () => {
    expect(parseTarget('en', share, '80')).toEqual({ ok: true, value: 0.8 });
    // 57.3 / 100 in binary is 0.5729999999999999; the field means 0.573.
    expect(parseTarget('en', share, '57.3')).toEqual({ ok: true, value: 0.573 });
    expect(targetText('en', 'share', 0.573)).toBe('57.3');
    expect(targetText('de', 'share', 0.8)).toBe('80');
  });

  it('takes NPS in points and hours in hours, unchanged', () => {
    expect(parseTarget('en', nps, '30')).toEqual({ ok: true, value: 30 });
    expect(parseTarget('de', hours, '2,5')).toEqual({ ok: true, value: 2.5 });
    expect(targetText('de', 'hours', 2.5)).toBe('2,5');
  });

  it('treats an empty field as "no target yet"', () => {
    expect(parseTarget('en', share, '')).toEqual({ ok: true, value: null });
    expect(targetText('en', 'share', null)).toBe('');
  });

  it('explains bad input in the host language instead of throwing', () => {
    expect(parseTarget('en', share, 'abc')).toEqual({ ok: false, message: 'Enter a number, e.g. 80.' });
    expect(parseTarget('de', share, 'abc')).toEqual({ ok: false, message: 'Geben Sie eine Zahl ein, z. B. 80.' });
    expect(parseTarget('en', share, '120')).toEqual({ ok: false, message: 'Enter a percentage from 0 to 100.' });
    expect(parseTarget('en', nps, '150')).toEqual({ ok: false, message: 'Enter a number of points from −100 to 100.' });
    expect(parseTarget('en', hours, '-1')).toEqual({ ok: false, message: 'Enter a number of hours, 0 or more.' });
    expect(parseTarget('de', hours, '-1')).toEqual({ ok: false, message: 'Geben Sie eine Stundenzahl ab 0 ein.' });
  });
});

describe('options', () => {
  it('needs an SLA of more than 0 hours', () => {
    expect(parseSlaHours('en', '24')).toEqual({ ok: true, value: 24 });
    expect(parseSlaHours('de', '0,5')).toEqual({ ok: true, value: 0.5 });
    expect(parseSlaHours('en', '0').ok).toBe(false);
    expect(parseSlaHours('en', '').ok).toBe(false);
  });

  it('needs a service-level threshold of more than 0 seconds and at most an hour', () => {
    expect(parseServiceLevelSeconds('en', '20')).toEqual({ ok: true, value: 20 });
    expect(parseServiceLevelSeconds('de', '12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseServiceLevelSeconds('en', '3600')).toEqual({ ok: true, value: 3600 });
    for (const bad of ['0', '-3', '', 'soon', '3601']) expect(parseServiceLevelSeconds('en', bad).ok, bad).toBe(false);
    expect(parseServiceLevelSeconds('de', '0')).toEqual({ ok: false, message: 'Geben Sie die Sekunden an, innerhalb derer ein Anruf rechtzeitig angenommen ist: größer als 0, höchstens 3600.' });
  });

  it('splits brand attributes at commas, trimmed, without empties or repeats', () => {
    expect(parseBrandAttributes(' friendly, fast,,Reliable , fast ,reliable')).toEqual(['friendly', 'fast', 'Reliable']);
    expect(parseBrandAttributes('')).toEqual([]);
  });

  it('takes a reporting date as ISO or German day.month.year, empty as automatic, and refuses days that do not exist', () => {
    expect(parseReportingDate('en', ' 2026-10-31 ')).toEqual({ ok: true, value: '2026-10-31' });
    expect(parseReportingDate('de', '1.9.2026')).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseReportingDate('de', '')).toEqual({ ok: true, value: null });
    expect(parseReportingDate('en', '2026-02-30')).toEqual({ ok: false, message: 'Enter a date such as 2026-10-31, or leave the field empty.' });
    expect(parseReportingDate('de', '31.11.2026')).toEqual({ ok: false, message: 'Geben Sie ein Datum wie 31.10.2026 ein, oder lassen Sie das Feld leer.' });
    // Month-first or two-digit years are ambiguous: refused rather than guessed.
    expect(parseReportingDate('en', '10/31/2026').ok).toBe(false);
    expect(parseReportingDate('de', '31.10.26').ok).toBe(false);
  });

  it('shows a stored reporting date in the host language', () => {
    expect(reportingDateText('en', '2026-09-01')).toBe('2026-09-01');
    expect(reportingDateText('de', '2026-09-01')).toBe('01.09.2026');
    expect(reportingDateText('de', null)).toBe('');
  });

  it('takes a minimum of answers or tickets as a whole number from 0', () => {
    expect(parseMinimum('en', '30')).toEqual({ ok: true, value: 30 });
    expect(parseMinimum('de', '1.000')).toEqual({ ok: true, value: 1000 });
    expect(parseMinimum('en', '0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['', '-1', '2.5', 'ten', '100001']) expect(parseMinimum('en', bad), bad).toEqual({ ok: false, message: 'Enter a whole number from 0 to 100,000.' });
  });

  it('reads a status list: blank is "found from the names", none/keine/- is no status at all', () => {
    expect(parseStatusList(' pending, Wartet auf Kunde ,,pending')).toEqual(['pending', 'Wartet auf Kunde']);
    expect(parseStatusList('  ')).toBeUndefined();
    for (const none of ['none', 'Keine', '-']) expect(parseStatusList(none)).toEqual([]);
  });
});
