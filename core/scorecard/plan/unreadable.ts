/**
 * Why a column keeps a KPI from being a native formula in portable mode: the first cell native
 * criteria would not read as the core does, and what kind of text it is (from the core's own column
 * profile), so the note can name the column and say what to change.
 */
import { isDateObject } from '../../values/grid.js';
import { profileColumn } from '../../values/profile.js';
import type { Role } from '../roles.js';

/** What a cell native formulas cannot read holds. */
export type UnreadableKind =
  | 'dateText' | 'ratingWords' | 'labelledNumbers' | 'durationText' | 'percentText' | 'numberText'
  | 'flagWords' | 'errors' | 'dateOutOfRange' | 'otherText';

export interface UnreadableColumn {
  readonly role: Role;
  readonly sheet: string;
  readonly header: string;
  /** The first such cell, by its sheet address (`Survey!B5`): where the manager finds it. */
  readonly cell: string;
  /** That cell as text, for the note. */
  readonly example: string;
  readonly kind: UnreadableKind;
}

/** The kind of a cell native formulas cannot read (`flag`: in a yes/no column). */
export function unreadableKind(value: unknown, flagColumn: boolean): UnreadableKind {
  if (typeof value === 'number' || isDateObject(value)) return 'dateOutOfRange';
  if (typeof value === 'boolean') return 'flagWords';
  const p = profileColumn([value]);
  if (p.errors > 0) return 'errors';
  if (p.textDates > 0) return 'dateText';
  if (p.ratingWords > 0) return 'ratingWords';
  if (p.numbersWithLabels > 0) return 'labelledNumbers';
  if (p.textDurations > 0) return 'durationText';
  if (p.percentText > 0) return 'percentText';
  if (p.numbers > 0) return flagColumn ? 'flagWords' : 'numberText';
  if (p.flags > 0 || flagColumn) return 'flagWords';
  return 'otherText';
}

/** A cell as the note quotes it: short, on one line. */
export function exampleText(value: unknown): string {
  const s = isDateObject(value) ? value.toISOString() : String(value);
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}
