/**
 * n of the flag shares (first-contact resolution, reopen rate from flags and from reopen counts,
 * conversion, complaint rate from complaint flags): the yes and no values (or reopen counts) the
 * share used in each period — never the dated rows — in live mode (KPI_BY_PERIOD of FLAG_COUNT) and
 * portable mode (COUNTIFS of the column's yes and no words), with Wilson's interval from it and
 * "too few (n)" on it. Every expected number is counted by hand from the tables below.
 */
import { describe, expect, it } from 'vitest';
import type { GenerateRequest, RoleAssignment, ScorecardPlan, WorkbookData } from '../../core/scorecard/types.js';
import { serial } from '../helpers/call.js';
import { at, MODES, nOf, planOf, sheet, summary, wilson } from './n-fixtures.js';

/**
 * Tickets by opened date. Row 1 of the data is an export's second header line (text in the flag
 * columns, no date): the flag readers take it as the header, native criteria count none of it.
 * Per month, the yes/no values each share reads (blanks are neither; x marks only a yes):
 *
 *   opened   FCR                 Reopened    Converted            Complaint
 *   Jan (4)  yes no · ja → 3     · x · · → 1  ja nein Yes · → 3    · x · · → 1
 *   Feb (4)  nein yes · Ja → 3   · x · · → 1  No · ja nein → 3     no x no · → 3
 *   Mar (4)  yes no · · → 2      x · x · → 2  yes · no ja → 3      · x no no → 3
 *   undated  yes                 x            ja                   x           (no period)
 *
 * FCR: Jan 2/3, Feb 2/3, Mar 1/2 · reopened 1/1 each · conversion Jan 2/3, Feb 1/3, Mar 2/3 ·
 * complaints Jan 1/1, Feb 1/3, Mar 1/3.
 */
const TICKETS: readonly (readonly unknown[])[] = [
  ['Opened', 'Resolved', 'FCR', 'Reopened', 'Converted', 'Complaint'],
  [null, null, 'resolved at first contact (yes/no)', 'x = reopened', 'converted?', 'complaint?'],
  ['2026-01-05 09:00', '2026-01-05 17:00', 'yes', null, 'ja', null],
  ['2026-01-12 08:00', '2026-01-13 08:00', 'no', 'x', 'nein', 'x'],
  ['2026-01-20 10:00', '2026-02-02 10:00', null, null, 'Yes', null],
  ['2026-01-28 11:00', null, 'ja', null, null, null],
  ['2026-02-03 09:00', '2026-02-03 21:00', 'nein', null, 'No', 'no'],
  ['2026-02-10 11:00', '2026-02-12 11:00', 'yes', 'x', null, 'x'],
  ['2026-02-20 14:00', '2026-02-21 02:00', null, null, 'ja', 'no'],
  ['2026-02-25 10:00', null, 'Ja', null, 'nein', null],
  ['2026-03-02 08:00', '2026-03-02 12:00', 'yes', 'x', 'yes', null],
  ['2026-03-09 09:00', '2026-03-10 09:00', 'no', null, null, 'x'],
  ['2026-03-16 10:00', null, null, 'x', 'no', 'no'],
  ['2026-03-25 13:00', null, null, null, 'ja', 'no'],
  [null, null, 'yes', 'x', 'ja', 'x'],
].map((r, i) => (i === 0 ? r : r.map((v, c) => (c < 2 && typeof v === 'string' ? serial(v) : v))));

/**
 * Reopen counts per ticket (Zendesk's `Reopens`), by resolved date; REOPEN_RATE reads whole numbers
 * from 0 as counts, a count above 0 as a reopened ticket:
 *   Jan 0 2 · → 2 counted, 1 reopened · Feb 0 1 0 3 → 4, 2 · Mar 0 · 1 → 2, 1 · undated 1.
 */
const REOPENS: readonly (readonly unknown[])[] = [
  ['Resolved', 'Reopens'],
  ['2026-01-05', 0], ['2026-01-13', 2], ['2026-01-20', null],
  ['2026-02-03', 0], ['2026-02-12', 1], ['2026-02-21', 0], ['2026-02-27', 3],
  ['2026-03-02', 0], ['2026-03-10', null], ['2026-03-30', 1],
  [null, 1],
].map((r, i) => (i === 0 ? r : [typeof r[0] === 'string' ? serial(r[0]) : r[0], r[1]]));

function workbook(tickets = TICKETS, reopens = REOPENS): WorkbookData {
  return { sheets: [sheet('Tickets', tickets), sheet('Reopens', reopens)], timeZone: 'UTC' };
}

const FLAG_ROLES = (d: WorkbookData): RoleAssignment[] => [
  at(d, 'ticketOpened', 'Tickets', 1), at(d, 'ticketResolved', 'Tickets', 2), at(d, 'firstContactResolved', 'Tickets', 3),
  at(d, 'reopened', 'Tickets', 4), at(d, 'converted', 'Tickets', 5), at(d, 'complaint', 'Tickets', 6),
];

function plan(portable: boolean, options: Partial<GenerateRequest['options']> = {}, data = workbook(), roles = FLAG_ROLES(data)): ScorecardPlan {
  return planOf(data, roles, portable, options);
}

describe('the n of a flag share: the yes and no values it used', () => {
  it.each(MODES)('per period, by hand (%s)', (_mode, portable) => {
    const p = plan(portable);
    expect(nOf(p, 'fcr')).toEqual({ '2026-01': 3, '2026-02': 3, '2026-03': 2 });
    expect(nOf(p, 'reopenRate')).toEqual({ '2026-01': 1, '2026-02': 1, '2026-03': 2 });
    expect(nOf(p, 'conversion')).toEqual({ '2026-01': 3, '2026-02': 3, '2026-03': 3 });
    expect(nOf(p, 'complaintRate')).toEqual({ '2026-01': 1, '2026-02': 3, '2026-03': 3 });
    // The row: March's value, its n and Wilson's interval from that n.
    const want: Record<string, [number, number]> = { fcr: [1, 2], reopenRate: [2, 2], conversion: [2, 3], complaintRate: [1, 3] };
    for (const [id, [k, n]] of Object.entries(want)) {
      const s = summary(p, id);
      expect([s.period, s.value, s.n], id).toEqual(['2026-03', k / n, n]);
      const [low, high] = wilson(k, n);
      expect(s.ciLow!, id).toBeCloseTo(low, 12);
      expect(s.ciHigh!, id).toBeCloseTo(high, 12);
    }
  });

  it('is FLAG_COUNT by period live, and the COUNTIFS of the share\'s denominator portable', () => {
    const anchor = (p: ScorecardPlan, id: string): string => p.blocks.find((b) => b.id === id)!.cells[0][0]!.formula!.text;
    const live = plan(false);
    expect(anchor(live, 'helper:fcr:n')).toMatch(/^=_xldudf_KPI_KPI_BY_PERIOD\("FLAG_COUNT",Tickets!A2:A\d+,"month",Tickets!C2:C\d+,"FIRST_CONTACT_RESOLUTION"\)$/);
    expect(anchor(live, 'helper:conversion:n')).toMatch(/"FLAG_COUNT",Tickets!A2:A\d+,"month",Tickets!E2:E\d+,"CONVERSION_RATE"\)$/);
    expect(anchor(live, 'helper:complaintRate:n')).toMatch(/"FLAG_COUNT",Tickets!A2:A\d+,"month",Tickets!F2:F\d+,"CONVERSION_RATE"\)$/);
    expect(anchor(live, 'helper:reopenRate:n')).toMatch(/"FLAG_COUNT",Tickets!A2:A\d+,"month",Tickets!D2:D\d+,"REOPEN_RATE"\)$/);
    const march = plan(true).blocks.find((b) => b.id === 'helper:fcr:n')!.cells[14][2]!.formula!.text;
    // yes and ja are the column's yes words, no and nein its no words; blanks and the header line match none.
    for (const word of ['yes', 'ja', 'no', 'nein']) expect(march).toMatch(new RegExp(`Tickets!C2:C\\d+,"${word}"\\)`));
    expect(march.match(/COUNTIFS\(/g)).toHaveLength(4);
  });

  it.each(MODES)('from reopen counts: the tickets with a count, by resolved date and by opened date (%s)', (_mode, portable) => {
    const d = workbook();
    for (const dates of ['ticketResolved', 'ticketOpened'] as const) {
      const p = plan(portable, {}, d, [at(d, dates, 'Reopens', 1), at(d, 'reopenCount', 'Reopens', 2)]);
      expect(nOf(p, 'reopenRate'), dates).toEqual({ '2026-01': 2, '2026-02': 4, '2026-03': 2 });
      const s = summary(p, 'reopenRate');
      expect([s.period, s.value, s.n], dates).toEqual(['2026-03', 0.5, 2]);
      expect(s.ciLow!).toBeCloseTo(wilson(1, 2)[0], 12);
    }
  });

  it.each(MODES)('decides "too few (n)" on the flags, not on the dated tickets (%s)', (_mode, portable) => {
    // March holds 4 tickets but 2 FCR flags: under a minimum of 3 tickets it is "too few (2)" …
    const typed = plan(portable, { minTickets: 3 });
    expect(summary(typed, 'fcr')).toMatchObject({ period: '2026-03', n: 2, status: 'too-few', tooFew: 2 });
    expect(summary(typed, 'conversion')).toMatchObject({ period: '2026-03', n: 3, status: '' }); // no target: no colour
    // … and, automatic (the reporting period is February: March is still running on the data's last
    // day), reopen rate finds no month with 2 flags (1, 1) and reports February as "too few (1)",
    // while FCR's February has 3.
    const automatic = plan(portable, { minTickets: 2, reportingDate: null });
    expect(summary(automatic, 'reopenRate')).toMatchObject({ period: '2026-02', n: 1, status: 'too-few', tooFew: 1 });
    // 2/3 against the target 0.7: short by 0.033 ≤ 5 % of 0.7, amber.
    expect(summary(automatic, 'fcr')).toMatchObject({ period: '2026-02', n: 3, value: 2 / 3, status: 'amber' });
  });

  it.each(MODES)('shows no n beside an error: unknown text below the header stops the share and its n alike (%s)', (_mode, portable) => {
    const broken = TICKETS.map((r, i) => (i === 11 ? [...r.slice(0, 2), 'vielleicht', ...r.slice(3)] : r));
    const p = plan(portable, {}, workbook(broken));
    const fcr = summary(p, 'fcr');
    expect(fcr.value).toBe('#VALUE!');
    expect(fcr.n).toBeUndefined();
    expect(fcr.ciLow).toBeUndefined();
    expect(fcr.status).toBe('');
    expect(p.notes.find((n) => n.startsWith('First-contact resolution:'))).toMatch(/"vielleicht" at Tickets!C12 is not a yes\/no flag/);
    expect(summary(p, 'conversion')).toMatchObject({ value: 2 / 3, n: 3 });
  });
});
