/**
 * The v3 cell-value cases (issue 12) written once, host-neutrally, and shaped per host the way the
 * host passes them: Excel — ranges as 2-D arrays, a single cell as [[x]], blanks and omitted
 * arguments as null, date cells as serials, a 0:02:14 duration cell as 0.00155 (a fraction of a
 * day), repeating args… as ONE array of matrices; Sheets — ranges as 2-D arrays with "" blanks, a
 * single cell as a scalar, omitted arguments as undefined, date cells as Dates of the script's realm
 * holding the instant of their wall clock in the spreadsheet's zone, a duration cell as a Date of
 * 30 Dec 1899 in that zone. Expected values are computed by hand in the comments.
 */

/** A blank cell. */
export const BLANK = { cell: 'blank' } as const;
/** An omitted optional argument. */
export const OMITTED = { cell: 'omitted' } as const;
/** A date cell showing the wall clock `iso` (`2026-03-01T10:30`). */
export const when = (iso: string) => ({ cell: 'date', iso }) as const;
/** A duration cell of `ms` milliseconds (a [h]:mm:ss cell). */
export const time = (ms: number) => ({ cell: 'time', ms }) as const;
/** A single-cell argument holding `x` (a reference to one cell). */
export const one = (x: unknown) => ({ cell: 'one', x }) as const;
/** A column with a header: `[header, ...cells]`. */
export const column = (header: string | null, ...cells: unknown[]): unknown[] => [header ?? BLANK, ...cells];

type Marker = typeof BLANK | typeof OMITTED | ReturnType<typeof when> | ReturnType<typeof time> | ReturnType<typeof one>;

export type Expect = number | unknown[][] | { readonly error: RegExp; readonly kind: 'value' | 'na' };

export interface ValueCase {
  readonly name: string;
  readonly fn: string;
  /** Arguments: columns (arrays), scalars and markers. Arrays become one-column ranges. */
  readonly args: readonly unknown[];
  /** Index of the first argument of a repeating args… (KPI_BY_PERIOD, KPI_BY_GROUP). */
  readonly repeatingFrom?: number;
  readonly expect: Expect;
  /** A different expectation on one host (time values without input_unit, instants in Excel's UTC). */
  readonly excel?: Expect;
  readonly sheets?: Expect;
  /** Host-specific cases. */
  readonly only?: 'excel' | 'sheets';
}

const err = (error: RegExp, kind: 'value' | 'na' = 'value') => ({ error, kind }) as const;
const S = 1000, MIN = 60_000, H = 3_600_000;

export const VALUE_CASES: readonly ValueCase[] = [
  // ------------------------------------------------------------ dates in every layout
  {
    name: 'US month-first text (Google Forms 11/1/2019 8:51:12), decided by 11/13/2019',
    fn: 'RESOLVED_ISSUES',
    args: [column('Timestamp', '11/1/2019 8:51:12', '11/13/2019 10:00:00', '11/2/2019'), one('2019-11-01'), one('2019-11-02')],
    expect: 2, // 1 Nov and 2 Nov
  },
  {
    name: 'day-first dashes (ServiceNow 29-02-2016 01:16) decide for 05-02-2012',
    fn: 'AVG_RESOLUTION',
    args: [column('Opened', '29-02-2016 01:16', '05-02-2012 13:32'), column('Resolved', '29-02-2016 03:16', '05-02-2012 14:32')],
    expect: 1.5, // 2 h and 1 h
  },
  {
    name: 'Jira month names with 12-hour clocks and two-digit years (11/Jun/24 3:07 PM, 31-Jul-18)',
    fn: 'AVG_RESOLUTION',
    args: [column('Created', '11/Jun/24 3:07 PM', '31-Jul-18'), column('Resolved', '12/Jun/24 3:07 PM', '01-Aug-18 12:00')],
    expect: 30, // 24 h and 36 h
  },
  {
    name: 'German month names and English ones mixed with real date cells',
    fn: 'AVG_RESOLUTION',
    args: [column('Eröffnet', '5. März 2026 14:30', when('2026-03-05T08:00'), 'Mar 6, 2026 9:00 AM'), column('Gelöst', '6. Mrz. 2026 08:30', '5 Mar 2026 10:00', when('2026-03-06T10:00'))],
    expect: 7, // 18 h, 2 h, 1 h
  },
  {
    name: 'two-digit years: 29 is 2029, 30 is 1930 (Excel\'s window)',
    fn: 'RESOLVED_ISSUES',
    args: [column('Resolved', '31-Jul-29', '31-Jul-30'), one('2000-01-01')],
    expect: 1,
  },
  {
    name: 'an instant (Z) in the spreadsheet zone: Berlin in Sheets, UTC serials in Excel',
    fn: 'RESOLVED_ISSUES',
    args: [column('Resolved', '2026-03-01T23:30:00Z'), one('2026-03-02'), one('2026-03-02')],
    expect: 1,
    excel: 0, // Excel serials are wall clock without a zone: 1 Mar 23:30
  },
  {
    name: 'ambiguous day/month order: the error quotes a cell, its row and both readings',
    fn: 'AVG_RESOLUTION',
    args: [column('Opened', '03/01/2026 10:00'), column('Resolved', '03/01/2026 12:00')],
    expect: err(/^AVG_RESOLUTION: "03\/01\/2026 10:00" at row 2 of opened could be 3 Jan or 1 Mar 2026; nothing in the call decides/),
  },
  {
    name: 'evidence both ways: the error names one cell of each',
    fn: 'AVG_RESOLUTION',
    args: [column('Opened', '13/01/2026 09:00'), column('Resolved', '01/14/2026 10:00')],
    expect: err(/^AVG_RESOLUTION: "13\/01\/2026 09:00" at row 2 of opened reads day first but "01\/14\/2026 10:00" at row 2 of resolved month first/),
  },
  {
    name: 'an impossible date, and a layout the core does not read',
    fn: 'RESOLVED_ISSUES',
    args: [column('Resolved', '13/01/2026', '31/02/2026')],
    expect: err(/^RESOLVED_ISSUES: "31\/02\/2026" at row 3 of resolved is not a valid date \(read day first\)/),
  },
  {
    name: 'a date layout not listed',
    fn: 'RESOLVED_ISSUES',
    args: [column('Resolved', '2026.03.01')],
    expect: err(/^RESOLVED_ISSUES: "2026\.03\.01" at row 2 of resolved is not a date format this reads/),
  },
  {
    name: 'KPI_BY_PERIOD decides the order over the whole ranges before cutting them',
    fn: 'KPI_BY_PERIOD',
    args: ['AVG_RESOLUTION', column('Opened', '05/01/2026 08:00', '06/01/2026 08:00', '13/04/2026 08:00'), 'month',
      column('Opened', '05/01/2026 08:00', '06/01/2026 08:00', '13/04/2026 08:00'), column('Resolved', '05/01/2026 10:00', '06/01/2026 12:00', '13/04/2026 09:00')],
    repeatingFrom: 3,
    expect: [['Period', 'Rows', 'Value'], ['2026-01', 2, 3], ['2026-04', 1, 1]],
  },
  {
    name: 'a 0 in a date range is a blank (Excel passing a blank as 0): an open ticket',
    fn: 'AVG_RESOLUTION',
    args: [column('Opened', when('2026-03-01T08:00'), when('2026-03-02T08:00')), column('Resolved', when('2026-03-01T10:00'), 0)],
    expect: 2,
  },
  // ------------------------------------------------------------ ratings as words
  {
    name: 'Zendesk Good/Bad: top box by default',
    fn: 'CSAT',
    args: [column('Satisfaction', 'Good', 'Good', 'Bad', 'Good', 'Offered', BLANK), OMITTED, OMITTED],
    expect: 0.75,
  },
  {
    name: 'German gut/schlecht',
    fn: 'CSAT',
    args: [column('Zufriedenheit', 'gut', 'schlecht', 'Gut', 'nicht angeboten')],
    expect: 2 / 3,
  },
  {
    name: 'Freshdesk Awesome/Just okay/Not good: top box',
    fn: 'CSAT',
    args: [column('Rating', 'Awesome', 'Just Okay', 'Not Good', 'Awesome')],
    expect: 0.5,
  },
  {
    name: 'Help Scout Great/Okay/Not good',
    fn: 'CSAT',
    args: [column('Rating', 'Great', 'Okay', 'Not good', 'Great', 'Great')],
    expect: 0.6,
  },
  {
    name: 'happy/neutral/unhappy',
    fn: 'CSAT',
    args: [column('Rating', 'happy', 'neutral', 'unhappy', 'neutral')],
    expect: 0.25,
  },
  {
    name: '5-point satisfaction words, top two',
    fn: 'CSAT',
    args: [column('Zufriedenheit', 'sehr zufrieden', 'zufrieden', 'neutral', 'unzufrieden', 'sehr unzufrieden')],
    expect: 0.4,
  },
  {
    name: 'agreement words, 7-point with "Somewhat"',
    fn: 'CSAT',
    args: [column('Effort', 'Strongly agree', 'Agree', 'Somewhat agree', 'Neither agree nor disagree', 'Somewhat disagree', 'Disagree', 'Strongly disagree')],
    expect: 2 / 7,
  },
  {
    name: 'NPS over numbers with labels: 25, not 50',
    fn: 'NPS',
    args: [column('How likely?', '10 - Extremely likely', '9', '8', '0 - Not at all likely')],
    expect: 25,
  },
  {
    name: 'survey non-answers are blanks',
    fn: 'NPS',
    args: [column('Score', 10, 'Offered', 'No rating', 'Not offered', 0)],
    expect: 0,
  },
  {
    name: 'an unknown rating word below the header is an error naming it',
    fn: 'CSAT',
    args: [column('Rating', 'Good', 'Meh', 'Bad')],
    expect: err(/^CSAT: "Meh" at row 3 is not a rating from 0 to 2; rating words are read on one of these scales/),
  },
  {
    name: 'a scale_max that does not fit the words',
    fn: 'CSAT',
    args: [column('Rating', 'Good', 'Bad'), one(5)],
    expect: err(/^CSAT: scale_max 5 does not fit the ratings, which are words of the 2-point \(Bad, Good\) scale/),
  },
  {
    name: 'words of two scales',
    fn: 'CSAT',
    args: [column('Rating', 'Good', 'Satisfied')],
    expect: err(/^CSAT: "Good" at row 2 of ratings and "Satisfied" at row 3 of ratings are words of different rating scales/),
  },
  {
    name: 'text below the header of a score column',
    fn: 'NPS',
    args: [column('Score', 10, 'Extremely likely', 3)],
    expect: err(/^NPS: "Extremely likely" at row 3 is not a score from 0 to 10$/),
  },
  {
    name: 'KPI_BY_GROUP decides the word scale over the whole ratings',
    fn: 'KPI_BY_GROUP',
    args: ['CSAT', column('Team', 'A', 'A', 'B', 'B', 'B'), column('Effort', 'Somewhat agree', 'Agree', 'Agree', 'Strongly agree', 'Disagree'), BLANK, 5],
    repeatingFrom: 2,
    expect: [['Group', 'Rows', 'Value'], ['B', 3, 2 / 3], ['A', 2, 1]],
  },
  // ------------------------------------------------------------ durations as values
  {
    name: 'text durations in every form (0:02:14, 3h 20m, PT3H20M, 134 s, 134 Sek., 2 min, 1d 2h)',
    fn: 'AVG_DURATION',
    args: [column('Duration', '0:02:14', '3h 20m', 'PT3H20M', '134 s', '134 Sek.', '2 min', '1d 2h'), OMITTED, 'seconds'],
    expect: (134 + 12_000 + 12_000 + 134 + 134 + 120 + 93_600) / 7,
  },
  {
    name: 'duration cells with input_unit "time" (Excel 0.00155, Sheets a Date of 30 Dec 1899)',
    fn: 'AVG_DURATION',
    args: [column('Talk time', time(134 * S), time(190 * S), time(60 * S)), 'time', 'seconds'],
    expect: 128,
  },
  {
    name: 'duration cells without input_unit: Sheets Dates are time values, Excel fractions are refused',
    fn: 'MEDIAN_DURATION',
    args: [column('Talk time', time(134 * S), time(190 * S), time(60 * S)), OMITTED, 'seconds'],
    expect: 134,
    excel: err(/^MEDIAN_DURATION: durations holds only numbers between 0 and 1 \(0\.00155\d* at row 2\), which look like time values .*pass input_unit "time"/),
  },
  {
    name: 'a first-reply column in minutes',
    fn: 'AVG_DURATION',
    args: [column('First reply time in minutes', 30, 45, 60, 15), 'Minuten', 'minutes'],
    expect: 37.5,
  },
  {
    name: 'a duration text that cannot be read',
    fn: 'AVG_DURATION',
    args: [column('Talk time', '0:02:14', '3:75')],
    expect: err(/^AVG_DURATION: "3:75" at row 3 of durations is not a valid duration/),
  },
  // ------------------------------------------------------------ flows as flags, reopen counts, %
  {
    name: 'CHURN_RATE over a per-customer Churn Yes/No column',
    fn: 'CHURN_RATE',
    args: [7, column('Churn', 'No', 'Yes', 'No', 'Yes', 'No', 'No', 'No')],
    expect: 2 / 7,
  },
  {
    name: 'EMPLOYEE_TURNOVER over an Attrition column',
    fn: 'EMPLOYEE_TURNOVER',
    args: [column('Attrition', 'Yes', 'No', 'No', 'No', 'Yes', 'No', 'No', 'No', 'No', 'No'), 10, 10],
    expect: 0.2,
  },
  {
    name: 'COMPLAINT_RATE over complaint marks',
    fn: 'COMPLAINT_RATE',
    args: [column('Complaint', 'x', BLANK, 'x', BLANK), 4],
    expect: 0.5,
  },
  {
    name: 'counts mixed with flags in a flow',
    fn: 'CHURN_RATE',
    args: [7, column('Lost', 'Yes', 3)],
    expect: err(/^CHURN_RATE: customers_lost mixes counts and yes\/no flags/),
  },
  {
    name: 'REOPEN_RATE over reopen counts',
    fn: 'REOPEN_RATE',
    args: [column('Reopens', 0, 3, 0, 1, 0)],
    expect: 0.4,
  },
  {
    name: 'a reopen count that is no whole number',
    fn: 'REOPEN_RATE',
    args: [column('Reopens', 0, 2.5)],
    expect: err(/^REOPEN_RATE: 2\.5 at row 3 of flags is neither a yes\/no flag nor a reopen count/),
  },
  {
    name: 'FLAG_COUNT: the n of REOPEN_RATE over reopen counts and flags, blanks left out',
    fn: 'FLAG_COUNT',
    args: [column('Reopens', 0, 3, BLANK, 'nein', 1, BLANK, 'ja'), 'REOPEN_RATE'],
    expect: 5, // 0, 3, nein, 1, ja; REOPEN_RATE 3 / 5
  },
  {
    name: 'FLAG_COUNT of a conversion column: a count is no flag there, as CONVERSION_RATE reads it',
    fn: 'FLAG_COUNT',
    args: [column('Converted', 'yes', BLANK, 3)],
    expect: err(/^FLAG_COUNT: 3 at row 4 of flags is not a yes\/no flag/),
  },
  {
    name: 'FLAG_COUNT per period: the FCR flags each month\'s share rests on',
    fn: 'KPI_BY_PERIOD',
    args: ['FLAG_COUNT', column('Opened', when('2026-02-02T09:00'), when('2026-02-20T10:00'), when('2026-03-03T08:00'), BLANK),
      'month', column('FCR', 'ja', BLANK, 'x', 'nein'), 'FIRST_CONTACT_RESOLUTION'],
    repeatingFrom: 3,
    expect: [['Period', 'Rows', 'Value'], ['2026-02', 2, 1], ['2026-03', 1, 1]], // the undated nein counts in no period
  },
  {
    name: 'FLAG_COUNT: the n of SLA_MET_RATE over verdict words and flags',
    fn: 'FLAG_COUNT',
    args: [column('Resolution status', 'Within SLA', 'SLA Violated', BLANK, true, 'verletzt'), 'SLA_MET_RATE'],
    expect: 4, // Within SLA, SLA Violated, TRUE, verletzt; SLA_MET_RATE 2 / 4
  },
  {
    name: 'ANSWER_COUNT: the n of CES over rating words and numbers, blanks and non-answers left out',
    fn: 'ANSWER_COUNT',
    args: [column('Effort', 'Strongly agree', 'Somewhat agree', BLANK, 'Offered', 2), 'CES'],
    expect: 3, // two 7-point words and a 2; CES 2 / 3
  },
  {
    name: 'CALL_COUNT: the answered calls ASA averages, waits as duration cells',
    fn: 'CALL_COUNT',
    args: ['ASA', column('Wait', time(15 * S), BLANK, time(30 * S), time(40 * S)), column('Answered', true, false, 'ja', 'abgebrochen'), 'time'],
    repeatingFrom: 1,
    expect: 2, // 15 s and 30 s answered; ASA 22.5 s
  },
  {
    name: 'CALL_COUNT per period: the calls each month\'s service level rests on',
    fn: 'KPI_BY_PERIOD',
    args: ['CALL_COUNT', column('Call date', when('2026-02-02T09:00'), when('2026-02-20T10:00'), when('2026-03-03T08:00'), when('2026-03-04T08:00'), BLANK),
      'month', 'SERVICE_LEVEL', column('Wait', 12, 50, 8, BLANK, 5), column('Answered', true, false, true, false, true), 20],
    repeatingFrom: 3,
    expect: [['Period', 'Rows', 'Value'], ['2026-02', 2, 2], ['2026-03', 2, 2]], // the abandoned call without a wait counts; the undated one in no period
  },
  {
    name: 'answered/abandoned as flags',
    fn: 'CONVERSION_RATE',
    args: [column('Outcome', 'answered', 'abandoned', 'Answered', 'angenommen')],
    expect: 0.75,
  },
  {
    name: '% text as fractions',
    fn: 'COMPLAINT_RATE',
    args: [column('Complaints', '1,5%', '0.5 %'), 1],
    expect: 0.02,
  },
  {
    name: 'EMPLOYEE_TURNOVER "monthly"',
    fn: 'EMPLOYEE_TURNOVER',
    args: [column('Sep', 5, 6, 6), column('Start', 100, 110, 120), column('End', 110, 120, 100), 'monthly'],
    expect: 5 / 105 + 6 / 115 + 6 / 110,
  },
  // ------------------------------------------------------------ Excel only: data types
  {
    name: 'formatted numbers and entities (Excel data types)',
    fn: 'NPS',
    args: [column('Score', { type: 'FormattedNumber', basicValue: 10, numberFormat: '0' }, { type: 'Double', basicValue: 9 }, { type: 'Entity', text: '3', properties: {} })],
    expect: 100 / 3,
    only: 'excel',
  },
  {
    name: 'a blank single cell passed as 0 to an optional date (as_of)',
    fn: 'ACTIVE_ISSUES',
    args: [column('Opened', when('2026-03-01T08:00'), when('2026-03-02T08:00')), column('Resolved', when('2026-03-01T10:00'), BLANK), one(0)],
    expect: 1,
    only: 'excel',
  },
];

export { S, MIN, H };

/** The expectation of a case on a host. */
export function expectationOn(c: ValueCase, host: 'excel' | 'sheets'): Expect {
  return (host === 'excel' ? c.excel : c.sheets) ?? c.expect;
}

export function isMarker(x: unknown): x is Marker {
  return typeof x === 'object' && x !== null && 'cell' in x;
}

// ---------------------------------------------------------------- shaping per host

const MS_PER_DAY = 86_400_000;

/** Excel serial of a wall-clock ISO date-time. */
function serialOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso)!;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / MS_PER_DAY + 25_569;
}

function excelCell(x: unknown): unknown {
  if (!isMarker(x)) return x;
  switch (x.cell) {
    case 'blank': case 'omitted': return null;
    case 'date': return serialOf(x.iso);
    case 'time': return x.ms / MS_PER_DAY;
    case 'one': return excelCell(x.x);
  }
}

/** An argument as Excel passes it. */
function excelArg(x: unknown): unknown {
  if (Array.isArray(x)) return x.map((v) => [excelCell(v)]);
  if (isMarker(x) && x.cell === 'one') return [[excelCell(x.x)]];
  return excelCell(x);
}

/** The arguments of a case as Excel passes them (repeating args… as one array of matrices). */
export function excelArgs(c: ValueCase): unknown[] {
  if (c.repeatingFrom === undefined) return c.args.map(excelArg);
  const fixed = c.args.slice(0, c.repeatingFrom).map(excelArg);
  const rest = c.args.slice(c.repeatingFrom).map((x) => {
    const a = excelArg(x);
    return Array.isArray(a) ? a : [[a]];
  });
  return [...fixed, rest];
}

/** The instant whose wall clock in `zone` is `wallMs` (ms since 1970 of the wall clock read as UTC), as Intl sees the zone. */
export function instantOf(wallMs: number, zone: string): number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  let guess = wallMs;
  for (let k = 0; k < 4; k++) {
    const parts = format.formatToParts(guess);
    const get = (t: string) => +parts.find((p) => p.type === t)!.value;
    const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    guess += wallMs - shown;
  }
  return guess;
}

/** The arguments of a case as Sheets passes them in `zone`; `makeDate` builds a Date of the script's realm. */
export function sheetsArgs(c: ValueCase, zone: string, makeDate: (ms: number) => Date): unknown[] {
  const cell = (x: unknown): unknown => {
    if (!isMarker(x)) return x;
    switch (x.cell) {
      case 'blank': return '';
      case 'omitted': return undefined;
      case 'date': return makeDate(instantOf(Math.round((serialOf(x.iso) - 25_569) * MS_PER_DAY), zone));
      case 'time': return makeDate(instantOf(Date.UTC(1899, 11, 30) + x.ms, zone));
      case 'one': return cell(x.x);
    }
  };
  return c.args.map((x) => (Array.isArray(x) ? x.map((v) => [cell(v)]) : cell(x)));
}
