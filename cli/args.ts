/**
 * The command line's arguments:
 *
 *   service-kpi scorecard INPUT... --out FILE.xlsx [--html FILE.html] [--json] [--period month]
 *     [--tz Europe/Berlin] [--targets FILE.json] [--roles FILE.json] [--addin-formulas]
 *     [--lang en|de] [--sla-hours 24] [--service-level-seconds 20] [--date-order dmy|mdy]
 *     [--as-of 2026-10-31] [--min-answers 30] [--min-tickets 10] [--pause-statuses LIST]
 *     [--resolved-statuses LIST] [--quiet]
 *   service-kpi detect INPUT... [--json] [--roles FILE.json] [--tz …] [--lang en|de] [--date-order dmy|mdy]
 *   service-kpi --help | --version
 *
 * Anything wrong here is a usage error (exit code 2) with one line saying what.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DateOrder } from '../core/scorecard/date-order.js';
import type { PeriodName } from '../core/scorecard/types.js';
import { isReportingDate } from '../core/scorecard/calendar-date.js';
import { LIMITS } from '../core/scorecard/settings.js';
import { wallClock } from '../core/values/clock.js';
import { usageError } from './errors.js';

export interface ScorecardArgs {
  readonly command: 'scorecard';
  readonly inputs: readonly string[];
  readonly kind: 'xlsx' | 'csv';
  readonly out: string;
  readonly html?: string;
  readonly json: boolean;
  readonly period: PeriodName;
  readonly tz: string;
  readonly targets?: string;
  readonly roles?: string;
  readonly addinFormulas: boolean;
  readonly language: 'en' | 'de';
  readonly slaHours?: number;
  readonly serviceLevelSeconds?: number;
  /** The day/month order of date text no cell of its column decides (absent: the language's). */
  readonly dateOrder?: DateOrder;
  /** The reporting date `YYYY-MM-DD` (absent: the data's last date). */
  readonly asOf?: string;
  readonly minAnswers?: number;
  readonly minTickets?: number;
  /** Status-log statuses that stop the SLA clock / mean resolved; absent: found from the names. */
  readonly pauseStatuses?: readonly string[];
  readonly resolvedStatuses?: readonly string[];
  readonly quiet: boolean;
}

/** `service-kpi detect`: what the scorecard would find, printed; nothing is written. */
export interface DetectArgs {
  readonly command: 'detect';
  readonly inputs: readonly string[];
  readonly kind: 'xlsx' | 'csv';
  readonly json: boolean;
  readonly tz: string;
  readonly roles?: string;
  readonly language: 'en' | 'de';
  readonly dateOrder?: DateOrder;
}

export type Command = ScorecardArgs | DetectArgs | { readonly command: 'help' } | { readonly command: 'version' };

const PERIODS: readonly PeriodName[] = ['week', 'month', 'quarter', 'year'];

/** Spreadsheet files this does not read, and how to convert them (one line). */
const CONVERT: Readonly<Record<string, string>> = {
  '.xls': 'old Excel .xls files are not read; save it as .xlsx (Excel: File > Save As > Excel Workbook), or convert it with: soffice --headless --convert-to xlsx FILE.xls',
  '.ods': 'OpenDocument .ods files are not read; save it as .xlsx (LibreOffice: File > Save As > Excel 2007-365), or convert it with: soffice --headless --convert-to xlsx FILE.ods',
  '.numbers': 'Apple Numbers files are not read; export it as .xlsx (Numbers: File > Export To > Excel)',
};

/** Delimited text: CSV, tab-separated (`.tsv`), and Excel's "Text (Tab delimited)" / "Unicode Text" (`.txt`). */
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

export const USAGE = `Usage: service-kpi scorecard INPUT... --out FILE.xlsx [options]
       service-kpi detect INPUT... [--json] [--roles FILE.json] [--lang en|de] [--date-order dmy|mdy]

scorecard reads one .xlsx workbook or one or more .csv/.tsv files (each becomes a sheet named after
the file), finds the columns, computes the customer-service KPIs and writes a scorecard workbook.
detect shows what it would find — every sheet, each column's role with its confidence and
evidence, the day/month order of date text, the KPIs that follow — and writes nothing.
The input files are never changed.

Options:
  -o, --out FILE.xlsx      the scorecard workbook to write (required; a new file)
      --html FILE.html     also write a self-contained HTML report
      --json               print the KPI summary as JSON on stdout instead of a table
      --period P           week, month (default), quarter or year
      --tz ZONE            time zone for CSV times with Z or an offset (default: this machine's, {tz})
      --targets FILE.json  targets by KPI id: { "nps": { "target": 40, "direction": "higher" } }
      --roles FILE.json    column roles that override detection (see docs/cli.md)
      --addin-formulas     write the add-in's functions (_xldudf_KPI_…) instead of portable formulas
      --lang en|de         language of the scorecard (default en)
      --sla-hours N        SLA target in hours for SLA attainment (default 24)
      --service-level-seconds N
                           answer calls within N seconds for the service level (default 20)
      --date-order dmy|mdy day/month order of dates such as 05/02/2024 when no date of their
                           column decides it (default: --lang de reads day first, en month first)
      --as-of DATE         reporting date YYYY-MM-DD: Actual is the latest period complete on
                           that day (default: the latest complete period with enough data)
      --min-answers N      fewest answers a survey KPI's period (and an agent's CSAT) needs for
                           a status (default 30; fewer: "too few (n)"; 0: no minimum)
      --min-tickets N      fewest tickets a ticket KPI's period needs for a status (default 10)
      --pause-statuses L   status-log statuses that stop the SLA clock, comma-separated
                           (default: found from the names: pending, waiting for customer, on hold …;
                           "" for none)
      --resolved-statuses L  status-log statuses that mean resolved (default: from the names)
  -q, --quiet              no notes on stderr
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 written, 1 input problem, 2 usage problem.

Example:
  npx service-kpi scorecard examples/helpdesk.xlsx --out out/scorecard.xlsx --html out/scorecard.html
`;

/** `out/` or `out\\`: a folder, whatever the name before it says. */
function endsInSeparator(file: string): boolean {
  return /[\\/]$/.test(file);
}

export function machineTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        html: { type: 'string' },
        json: { type: 'boolean' },
        period: { type: 'string' },
        tz: { type: 'string' },
        targets: { type: 'string' },
        roles: { type: 'string' },
        'addin-formulas': { type: 'boolean' },
        lang: { type: 'string' },
        'sla-hours': { type: 'string' },
        'service-level-seconds': { type: 'string' },
        'date-order': { type: 'string' },
        'as-of': { type: 'string' },
        'min-answers': { type: 'string' },
        'min-tickets': { type: 'string' },
        'pause-statuses': { type: 'string' },
        'resolved-statuses': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    throw usageError(`${message.replace(/\.$/, '')} (see service-kpi --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (positionals.length === 0) throw usageError('no command given; try: service-kpi scorecard INPUT... --out FILE.xlsx (see service-kpi --help)');
  const [command, ...inputs] = positionals;
  if (command !== 'scorecard' && command !== 'detect') {
    const hint = /\.(xlsx|xlsm|csv|tsv)$/i.test(command) ? `; did you mean: service-kpi scorecard ${command} …` : '';
    throw usageError(`unknown command "${command}"${hint} (see service-kpi --help)`);
  }
  if (inputs.length === 0) throw usageError('no input files; give one .xlsx workbook or one or more .csv files');

  const exts = inputs.map((f) => path.extname(f).toLowerCase());
  for (let i = 0; i < inputs.length; i++) {
    const ext = exts[i];
    const convert = CONVERT[ext];
    if (convert) throw usageError(`${inputs[i]}: ${convert}`);
    if (ext !== '.xlsx' && ext !== '.xlsm' && !TEXT_EXTENSIONS.has(ext)) {
      throw usageError(`${inputs[i]}: not an .xlsx or .csv file (the name must end in .xlsx, .xlsm, .csv, .tsv or .txt)`);
    }
  }
  const workbooks = exts.filter((e) => !TEXT_EXTENSIONS.has(e)).length;
  if (workbooks > 0 && inputs.length > 1) {
    throw usageError(workbooks > 1 ? 'give one .xlsx workbook at a time' : 'give either one .xlsx workbook or .csv files, not both');
  }
  const kind = workbooks > 0 ? 'xlsx' : 'csv';

  const tz = values.tz ?? machineTimeZone();
  try {
    wallClock(tz);
  } catch {
    throw usageError(`--tz ${tz}: not a time zone this system knows; use an IANA name such as Europe/Berlin or UTC`);
  }

  const lang = (values.lang ?? 'en').toLowerCase();
  if (lang !== 'en' && lang !== 'de') throw usageError(`--lang ${values.lang}: choose en or de`);

  let dateOrder: DateOrder | undefined;
  if (values['date-order'] !== undefined) {
    const d = values['date-order'].trim().toLowerCase();
    if (d !== 'dmy' && d !== 'mdy') throw usageError(`--date-order ${values['date-order']}: choose dmy (05/02/2024 is 5 Feb) or mdy (May 2)`);
    dateOrder = d;
  }

  if (command === 'detect') {
    for (const flag of ['out', 'html', 'targets', 'period', 'sla-hours', 'addin-formulas'] as const) {
      if (values[flag] !== undefined) throw usageError(`--${flag} is for the scorecard command; detect writes nothing (see service-kpi --help)`);
    }
    return { command: 'detect', inputs, kind, json: values.json === true, tz, roles: values.roles, language: lang, ...(dateOrder ? { dateOrder } : {}) };
  }

  const out = values.out;
  if (out === undefined || out === '') throw usageError('--out FILE.xlsx is required: the scorecard is written to a new workbook');
  if (endsInSeparator(out)) throw usageError(`--out ${out}: ends in a folder separator; give a file name such as ${out.replace(/[\\/]+$/, '')}`);
  if (path.extname(out).toLowerCase() !== '.xlsx') throw usageError(`--out ${out}: the output must be an .xlsx file`);
  const html = values.html;
  if (html !== undefined && html === '') throw usageError('--html needs a file name');
  if (html !== undefined && endsInSeparator(html)) throw usageError(`--html ${html}: ends in a folder separator; give a file name such as report.html`);
  if (html !== undefined && !/\.html?$/i.test(html)) throw usageError(`--html ${html}: the report must be an .html or .htm file`);

  const period = (values.period ?? 'month').toLowerCase() as PeriodName;
  if (!PERIODS.includes(period)) throw usageError(`--period ${values.period}: choose week, month, quarter or year`);

  let slaHours: number | undefined;
  if (values['sla-hours'] !== undefined) {
    slaHours = Number(values['sla-hours'].replace(',', '.'));
    if (!Number.isFinite(slaHours) || slaHours <= 0 || slaHours > 8760) throw usageError(`--sla-hours ${values['sla-hours']}: give a number of hours above 0 (at most 8760)`);
  }

  let serviceLevelSeconds: number | undefined;
  const sl = values['service-level-seconds'];
  if (sl !== undefined) {
    serviceLevelSeconds = Number(sl.replace(',', '.'));
    if (!Number.isFinite(serviceLevelSeconds) || serviceLevelSeconds <= 0 || serviceLevelSeconds > LIMITS.maxServiceLevelSeconds) {
      throw usageError(`--service-level-seconds ${sl}: give a number of seconds above 0 (at most ${LIMITS.maxServiceLevelSeconds})`);
    }
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !isReportingDate(asOf)) throw usageError(`--as-of ${asOf}: give a date as YYYY-MM-DD, such as 2026-10-31`);
  const minimum = (flag: 'min-answers' | 'min-tickets'): number | undefined => {
    const v = values[flag];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n > LIMITS.maxMinimum) throw usageError(`--${flag} ${v}: give a whole number from 0 to ${LIMITS.maxMinimum} (0: no minimum)`);
    return n;
  };
  const minAnswers = minimum('min-answers');
  const minTickets = minimum('min-tickets');
  const statusList = (flag: string, text: string | undefined): readonly string[] | undefined => {
    if (text === undefined) return undefined;
    const list = text.split(/[,;]/).map((s) => s.trim()).filter((s) => s !== '');
    const long = list.find((s) => s.length > 80);
    if (long !== undefined || list.length > 50) throw usageError(`${flag}: give at most 50 statuses of at most 80 characters, separated by commas`);
    return list;
  };
  const pauseStatuses = statusList('--pause-statuses', values['pause-statuses']);
  const resolvedStatuses = statusList('--resolved-statuses', values['resolved-statuses']);
  if (resolvedStatuses !== undefined && resolvedStatuses.length === 0) throw usageError('--resolved-statuses: list at least one status, such as "solved, closed"');

  return {
    command: 'scorecard',
    inputs,
    kind,
    out,
    html,
    json: values.json === true,
    period,
    tz,
    targets: values.targets,
    roles: values.roles,
    addinFormulas: values['addin-formulas'] === true,
    language: lang,
    slaHours,
    serviceLevelSeconds,
    ...(dateOrder ? { dateOrder } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(minAnswers !== undefined ? { minAnswers } : {}),
    ...(minTickets !== undefined ? { minTickets } : {}),
    ...(pauseStatuses !== undefined ? { pauseStatuses } : {}),
    ...(resolvedStatuses !== undefined ? { resolvedStatuses } : {}),
    quiet: values.quiet === true,
  };
}
