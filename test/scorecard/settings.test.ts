import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultOptions, parseSettings } from '../../core/scorecard/settings.js';
import type { StoredSettings } from '../../core/scorecard/types.js';
import { PLAN_ROLES } from '../fixtures/plan-workbook.js';

const good: StoredSettings = {
  version: 1,
  roles: PLAN_ROLES.slice(0, 4),
  targets: {
    nps: { target: 40, direction: 'higher', enabled: true },
    csat: { target: 0.85, direction: 'higher', enabled: true },
    avgResolution: { target: null, direction: 'lower', enabled: false },
  },
  options: { ...defaultOptions('en'), brandAttributes: ['friendly', 'fast'] },
};

const withTarget = (id: string, target: unknown, language: 'en' | 'de' = 'en') =>
  ({ ...good, options: { ...good.options, language }, targets: { ...good.targets, [id]: { target, direction: 'higher', enabled: true } } });

describe('settings', () => {
  it('default to monthly live scorecards with a 24-hour SLA, named per language', () => {
    expect(defaultOptions('en')).toEqual({
      period: 'month', portable: false, language: 'en', slaHours: 24, serviceLevelSeconds: 20, tolerance: 0.05, brandAttributes: [], sheetName: 'KPI Scorecard',
      // Automatic reporting date; a status needs 30 answers (surveys) or 10 tickets (issue 13).
      reportingDate: null, minAnswers: 30, minTickets: 10,
    });
    expect(defaultOptions('de').sheetName).toBe('KPI-Scorecard');
  });

  it('survive a round trip through JSON unchanged', () => {
    const r = parseSettings(JSON.parse(JSON.stringify(good)));
    expect(r).toEqual({ ok: true, settings: good });
  });

  it('name a bad target by its field, in the scale the manager types', () => {
    expect(parseSettings(withTarget('nps', 150))).toEqual({ ok: false, errors: { 'targets.nps.target': 'Enter a number of points from −100 to 100.' } });
    // Shares are fractions: 80 is what a percent field would hold before the sidebar converts it.
    expect(parseSettings(withTarget('csat', 80))).toEqual({ ok: false, errors: { 'targets.csat.target': 'Enter a percentage from 0 to 100.' } });
    expect(parseSettings(withTarget('avgResolution', -1))).toEqual({ ok: false, errors: { 'targets.avgResolution.target': 'Enter a number of hours, 0 or more.' } });
    expect(parseSettings(withTarget('competitorGap', -150)).ok).toBe(true);
    expect(parseSettings(withTarget('cashFlow', -5000)).ok).toBe(true);
    expect(parseSettings(withTarget('nps', 'forty'))).toEqual({ ok: false, errors: { 'targets.nps.target': 'Enter a number of points from −100 to 100.' } });
  });

  it('speak German when the settings are German', () => {
    expect(parseSettings(withTarget('nps', 150, 'de'))).toEqual({ ok: false, errors: { 'targets.nps.target': 'Geben Sie eine Punktzahl von −100 bis 100 ein.' } });
  });

  it('report every bad field at once', () => {
    const bad = {
      ...good,
      roles: [{ ...good.roles[0], column: 0 }],
      targets: { ...good.targets, nps: { target: 300, direction: 'up', enabled: true } },
      options: { ...good.options, slaHours: 0, tolerance: 2, sheetName: 'Q1: KPIs', period: 'day' },
    };
    const r = parseSettings(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      'roles.0.column': 'This column assignment is not valid.',
      'targets.nps.direction': 'Choose "higher" or "lower".',
      'targets.nps.target': 'Enter a number of points from −100 to 100.',
      'options.slaHours': 'Enter the SLA in hours: more than 0, at most 8760.',
      'options.tolerance': 'Enter a tolerance between 0 % and 100 %.',
      'options.sheetName': 'Enter a sheet name of 1 to 31 characters without [ ] : * ? / \\ and not starting or ending with an apostrophe.',
      'options.period': 'Choose week, month, quarter or year.',
    });
  });

  it('take a reporting date that exists and whole minimums, and give settings stored before them the defaults', () => {
    const withOptions = (o: Record<string, unknown>) => ({ ...good, options: { ...good.options, ...o } });
    expect(parseSettings(withOptions({ reportingDate: '2026-10-31', minAnswers: 0, minTickets: 5 }))).toMatchObject({ ok: true });
    expect(parseSettings(withOptions({ reportingDate: '2026-02-30', minAnswers: 2.5, minTickets: -1 }))).toEqual({
      ok: false,
      errors: {
        'options.reportingDate': 'Enter a date such as 2026-10-31, or leave it empty for the latest complete period.',
        'options.minAnswers': 'Enter a whole number of answers from 0 to 100,000 (0: no minimum).',
        'options.minTickets': 'Enter a whole number of tickets from 0 to 100,000 (0: no minimum).',
      },
    });
    const { reportingDate: _r, minAnswers: _a, minTickets: _t, ...older } = good.options;
    const restored = parseSettings({ ...good, options: older });
    expect(restored.ok && restored.settings.options).toMatchObject({ reportingDate: null, minAnswers: 30, minTickets: 10 });
  });

  it('keep a status log\'s pause and resolved statuses, trimmed, and name a list that is too long', () => {
    const lists = { ...good, options: { ...good.options, pauseStatuses: [' pending ', 'Wartet auf Kunde'], resolvedStatuses: ['solved'] } };
    const r = parseSettings(JSON.parse(JSON.stringify(lists)));
    expect(r.ok && r.settings.options).toMatchObject({ pauseStatuses: ['pending', 'Wartet auf Kunde'], resolvedStatuses: ['solved'] });
    // No pause at all is a choice too; absent lists are found from the status names.
    expect(parseSettings({ ...good, options: { ...good.options, pauseStatuses: [] } }).ok).toBe(true);
    expect(parseSettings({ ...good, options: { ...good.options, pauseStatuses: Array.from({ length: 51 }, (_, i) => `s${i}`) } }))
      .toEqual({ ok: false, errors: { 'options.pauseStatuses': 'Enter at most 50 statuses of at most 80 characters each, separated by commas.' } });
    expect(parseSettings({ ...good, options: { ...good.options, language: 'de', resolvedStatuses: ['x'.repeat(81)] } }))
      .toEqual({ ok: false, errors: { 'options.resolvedStatuses': 'Geben Sie höchstens 50 Status mit je höchstens 80 Zeichen ein, durch Kommas getrennt.' } });
  });

  it('refuse sheet names Excel would refuse', () => {
    for (const sheetName of ['', '   ', 'a'.repeat(32), "'quoted'", 'x/y', 'History']) {
      const r = parseSettings({ ...good, options: { ...good.options, sheetName } });
      expect(r.ok, sheetName).toBe(false);
    }
  });

  it('never throw, whatever they are given', () => {
    expect(parseSettings(null)).toEqual({ ok: false, errors: { '': 'These settings cannot be read; they were replaced by the defaults.' } });
    expect(parseSettings({ ...good, version: 2 })).toEqual({ ok: false, errors: { version: 'These settings come from another version and cannot be read.' } });
    fc.assert(fc.property(fc.anything(), (raw) => {
      const r = parseSettings(raw);
      expect(typeof r.ok).toBe('boolean');
    }));
  });
});
