/**
 * The command line's arguments:
 *
 *   service-kpi scorecard INPUT... --out FILE.xlsx [--html FILE.html] [--json] [--period month]
 *     [--tz Europe/Berlin] [--targets FILE.json] [--roles FILE.json] [--addin-formulas]
 *     [--lang en|de] [--sla-hours 24] [--pause-statuses LIST] [--resolved-statuses LIST] [--quiet]
 *   service-kpi --help | --version
 *
 * Anything wrong here is a usage error (exit code 2) with one line saying what.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PeriodName } from '../core/scorecard/types.js';
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
  /** Status-log statuses that stop the SLA clock / mean resolved; absent: found from the names. */
  readonly pauseStatuses?: readonly string[];
  readonly resolvedStatuses?: readonly string[];
  readonly quiet: boolean;
}

export type Command = ScorecardArgs | { readonly command: 'help' } | { readonly command: 'version' };

const PERIODS: readonly PeriodName[] = ['week', 'month', 'quarter', 'year'];

/** Delimited text: CSV, tab-separated (`.tsv`), and Excel's "Text (Tab delimited)" / "Unicode Text" (`.txt`). */
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

export const USAGE = `Usage: service-kpi scorecard INPUT... --out FILE.xlsx [options]

Reads one .xlsx workbook or one or more .csv/.tsv files (each becomes a sheet named after the file),
finds the columns, computes the customer-service KPIs and writes a scorecard workbook.
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
  if (command !== 'scorecard') {
    const hint = /\.(xlsx|xlsm|csv|tsv)$/i.test(command) ? `; did you mean: service-kpi scorecard ${command} …` : '';
    throw usageError(`unknown command "${command}"${hint} (see service-kpi --help)`);
  }
  if (inputs.length === 0) throw usageError('no input files; give one .xlsx workbook or one or more .csv files');

  const exts = inputs.map((f) => path.extname(f).toLowerCase());
  for (let i = 0; i < inputs.length; i++) {
    const ext = exts[i];
    if (ext === '.xls') throw usageError(`${inputs[i]}: old Excel .xls files are not read; save it as .xlsx`);
    if (ext !== '.xlsx' && ext !== '.xlsm' && !TEXT_EXTENSIONS.has(ext)) {
      throw usageError(`${inputs[i]}: not an .xlsx or .csv file (the name must end in .xlsx, .xlsm, .csv, .tsv or .txt)`);
    }
  }
  const workbooks = exts.filter((e) => !TEXT_EXTENSIONS.has(e)).length;
  if (workbooks > 0 && inputs.length > 1) {
    throw usageError(workbooks > 1 ? 'give one .xlsx workbook at a time' : 'give either one .xlsx workbook or .csv files, not both');
  }
  const kind = workbooks > 0 ? 'xlsx' : 'csv';

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

  const tz = values.tz ?? machineTimeZone();
  try {
    wallClock(tz);
  } catch {
    throw usageError(`--tz ${tz}: not a time zone this system knows; use an IANA name such as Europe/Berlin or UTC`);
  }

  const lang = (values.lang ?? 'en').toLowerCase();
  if (lang !== 'en' && lang !== 'de') throw usageError(`--lang ${values.lang}: choose en or de`);

  let slaHours: number | undefined;
  if (values['sla-hours'] !== undefined) {
    slaHours = Number(values['sla-hours'].replace(',', '.'));
    if (!Number.isFinite(slaHours) || slaHours <= 0 || slaHours > 8760) throw usageError(`--sla-hours ${values['sla-hours']}: give a number of hours above 0 (at most 8760)`);
  }

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
    ...(pauseStatuses !== undefined ? { pauseStatuses } : {}),
    ...(resolvedStatuses !== undefined ? { resolvedStatuses } : {}),
    quiet: values.quiet === true,
  };
}
