/**
 * Status and message logs among the detected roles. A log repeats its ticket ids (one row per status
 * change or message); the header words of headers.ts propose its time, status and author columns,
 * and this pass keeps them only on a sheet that is a log: its ticket ids repeat in the samples, or
 * its name says so (`Status log`, `Verlauf`). On a log, the change time is the log's time column
 * even where its header reads like an opened date (Jira's changelog calls it `created`), unless the
 * sheet also holds a resolved date (a ticket table written once per update: ServiceNow's event
 * log), and a date column nobody claimed becomes the time when none was found.
 *
 * Whether a sheet's ids really repeat is decided again on all its rows when the scorecard is
 * planned (plan/event-logs.ts): samples are a few rows.
 */
import type { SheetKind } from './headers.js';
import type { Role, RoleAssignment, SheetOutline } from './types.js';

export const LOG_ROLES: readonly Role[] = ['logTime', 'logStatus', 'logAuthor'];

/** True when some sample id appears twice (samples are the first rows and a spread of the rest). */
export function samplesRepeat(samples: readonly unknown[]): boolean {
  const seen = new Set<string>();
  for (const v of samples) {
    if (v === null || v === undefined) continue;
    const k = String(v).trim();
    if (k === '') continue;
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

export function refineLogRoles(sheet: SheetOutline, kind: SheetKind | undefined, found: readonly RoleAssignment[], holdsDates: (index: number) => boolean): RoleAssignment[] {
  const id = found.find((a) => a.role === 'ticketId');
  const isLog = id !== undefined && (kind === 'log' || samplesRepeat(sheet.samples[id.column - sheet.firstCol] ?? []));
  if (!isLog) return found.filter((a) => !LOG_ROLES.includes(a.role));
  if (!found.some((a) => a.role === 'logStatus' || a.role === 'logAuthor')) return found.filter((a) => a.role !== 'logTime');
  if (found.some((a) => a.role === 'logTime')) return [...found];
  const out = [...found];
  const opened = out.findIndex((a) => a.role === 'ticketOpened');
  if (opened >= 0 && !out.some((a) => a.role === 'ticketResolved')) {
    out[opened] = { ...out[opened], role: 'logTime' };
    return out;
  }
  const taken = new Set(out.map((a) => a.column));
  for (let i = 0; i < sheet.headers.length; i++) {
    const column = sheet.firstCol + i;
    if (taken.has(column) || !holdsDates(i)) continue;
    out.push({ role: 'logTime', sheet: sheet.name, column, header: sheet.headers[i], confidence: 0.6, source: 'detected' });
    break;
  }
  return out;
}
