/**
 * Choosing the scorecard sheet's name. A sheet of the user's is never touched: when the wanted name
 * is taken by a sheet without our marker, the scorecard goes to the next free "Name (2)",
 * "Name (3)" … — unless one of those already is our scorecard, which is then replaced. Our own sheet
 * of the wanted name is replaced (`replaces`), and the targets the manager typed on it are kept.
 * Sheet names compare case-insensitively, as Excel and Sheets do.
 */
import type { ExistingSheet } from './api.js';

/** Excel's limit; Sheets allows more but one rule for both keeps names portable. */
export const MAX_SHEET_NAME = 31;

export interface SheetNameChoice {
  readonly name: string;
  /** Our previous scorecard that the host deletes first. */
  readonly replaces?: string;
  /** Targets typed on the sheet being replaced. */
  readonly targets?: Readonly<Record<string, number | null>>;
  /** True when the wanted name belonged to a sheet of the user's. */
  readonly renamed: boolean;
}

const key = (name: string): string => name.toLocaleLowerCase('en');

/** `Name (n)`, shortened so that it stays within the sheet-name limit. */
export function numberedName(base: string, n: number): string {
  const suffix = ` (${n})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
}

/**
 * @param wanted the name from the options ("KPI Scorecard")
 * @param existing every sheet of the workbook the host knows about, with our marker flagged
 * @param otherNames further sheet names (the outline's), treated as the user's when not in `existing`
 */
export function chooseSheetName(wanted: string, existing: readonly ExistingSheet[], otherNames: readonly string[] = []): SheetNameChoice {
  const base = wanted.trim().slice(0, MAX_SHEET_NAME).trimEnd();
  const byName = new Map<string, ExistingSheet>();
  for (const n of otherNames) byName.set(key(n), { name: n, ours: false });
  // The host's own list wins: it is the one that knows about markers.
  for (const s of existing) byName.set(key(s.name), s);

  const ours = (s: ExistingSheet | undefined): s is ExistingSheet => s !== undefined && s.ours;
  const found = byName.get(key(base));
  if (!found) return { name: base, renamed: false };
  if (ours(found)) return { name: found.name, replaces: found.name, targets: found.targets, renamed: false };

  // Terminates: a workbook has finitely many sheets, so some number is free.
  for (let n = 2; ; n++) {
    const candidate = numberedName(base, n);
    const s = byName.get(key(candidate));
    if (!s) return { name: candidate, renamed: true };
    if (ours(s)) return { name: s.name, replaces: s.name, targets: s.targets, renamed: true };
  }
}
