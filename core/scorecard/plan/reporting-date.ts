/**
 * Which reporting date a (re)generation writes into the scorecard's reporting-date cell. The
 * manager may change it in the settings (sidebar, --as-of) or on the scorecard itself; whichever
 * was changed since the previous scorecard was written wins, so neither is lost on regeneration.
 */
import { serialOfWallClock } from '../../values/clock.js';
import type { Cell } from '../../values/context.js';
import { periodLabel } from '../../values/periods.js';
import type { ExistingSheet } from '../api.js';
import { isReportingDate } from '../calendar-date.js';

/** What the marker remembers of an input cell: the value written and the settings' value asked for then ('' = blank). */
export interface InputHistory {
  readonly written: string;
  readonly asked: string;
}

export interface ReportingChoice {
  /** The date to write (`YYYY-MM-DD`), or null: blank, automatic. */
  readonly date: string | null;
  /** Set when the date typed on the previous scorecard was kept over the settings' (null: the cell was cleared). */
  readonly keptFromSheet?: { readonly sheet: string | null; readonly settings: string | null };
  /** The previous scorecard's cell held something that is no date: the settings' date was written instead. */
  readonly unreadable?: string;
}

export const REPORTING_KEY = 'reportingDate';

/**
 * The cell typed since the last generation wins; else a settings value changed since then; else
 * what was written last time (it may be a date the manager typed earlier and the settings never
 * asked for). Scorecards written before the marker remembered values: the settings win, as before.
 */
export function chooseReportingDate(settings: string | null, previous: ExistingSheet | undefined): ReportingChoice {
  const history = previous?.inputValues?.[REPORTING_KEY];
  if (!history) return { date: settings };
  const typed = previous?.inputs?.[REPORTING_KEY];
  const sheet = isoOfCell(typed);
  if (sheet === undefined) return { date: settings, unreadable: String(typed) };
  const asked = settings ?? '';
  if ((sheet ?? '') !== history.written) {
    return sheet === settings ? { date: sheet } : { date: sheet, keptFromSheet: { sheet, settings } };
  }
  if (asked !== history.asked) return { date: settings };
  const kept = history.written === '' ? null : history.written;
  return kept === settings ? { date: kept } : { date: kept, keptFromSheet: { sheet: kept, settings } };
}

/** A reporting-date cell as a date: a date serial or `YYYY-MM-DD` text; null when blank; undefined when it is no date. */
function isoOfCell(v: Cell | undefined): string | null | undefined {
  if (v === undefined || v === '') return null;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 1 && v < 2_958_466) return periodLabel(v, 'day');
  if (typeof v === 'string' && isReportingDate(v.trim())) return v.trim();
  return undefined;
}

/** A `YYYY-MM-DD` date as a date serial (days since 1899-12-30). */
export function serialOfIso(iso: string | null): number | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? serialOfWallClock(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
