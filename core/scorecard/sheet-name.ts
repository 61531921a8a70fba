/**
 * Choosing the scorecard sheet's name, and which previous scorecard it replaces. A sheet of the
 * user's is never touched: when the wanted name is taken by a sheet that is not our scorecard, the
 * scorecard goes to the next free "Name (2)", "Name (3)" … — unless one of those already is our
 * scorecard, which is then replaced. Our own scorecard is found by its marker, whatever it is
 * called now: by name, or by the name it was asked for (the manager renamed the sheet, or switched
 * the language and with it the default name). It is replaced under its current name, and what the
 * manager typed on it is kept (previous.ts). Sheet names compare case-insensitively, as Excel and
 * Sheets do.
 */
import type { ExistingSheet } from './api.js';

/** Excel's limit; Sheets allows more but one rule for both keeps names portable. */
export const MAX_SHEET_NAME = 31;

/** The scorecard's default names, English and German (settings.ts offers them). */
export const DEFAULT_SHEET_NAMES = { en: 'KPI Scorecard', de: 'KPI-Scorecard' } as const;

export interface SheetNameChoice {
  readonly name: string;
  /** Our previous scorecard that the new sheet replaces (and whose name it takes). */
  readonly replaces?: string;
  /** That scorecard as the host read it back: targets, inputs, the manager's cells. */
  readonly previous?: ExistingSheet;
  /** Targets typed on the sheet being replaced. */
  readonly targets?: Readonly<Record<string, number | null>>;
  /** True when the wanted name belonged to a sheet that is not replaced (the user's, or a scorecard kept as it is). */
  readonly renamed: boolean;
}

const key = (name: string): string => name.toLocaleLowerCase('en');
const isDefault = (name: string): boolean => Object.values(DEFAULT_SHEET_NAMES).some((d) => key(d) === key(name.trim()));

/** `Name (n)`, shortened so that it stays within the sheet-name limit. */
export function numberedName(base: string, n: number): string {
  const suffix = ` (${n})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
}

/** A scorecard of ours that a regeneration may replace. */
const replaceable = (s: ExistingSheet | undefined): s is ExistingSheet => s !== undefined && s.ours && s.keep === undefined;

function replacing(s: ExistingSheet, renamed: boolean): SheetNameChoice {
  return { name: s.name, replaces: s.name, previous: s, ...(s.targets ? { targets: s.targets } : {}), renamed };
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

  const found = byName.get(key(base));
  if (replaceable(found)) return replacing(found, false);
  // The wanted name is taken: the first free "Name (n)", unless one before it is our scorecard.
  let free: string | undefined;
  if (found) {
    // Terminates: a workbook has finitely many sheets, so some number is free.
    for (let n = 2; free === undefined; n++) {
      const candidate = numberedName(base, n);
      const s = byName.get(key(candidate));
      if (!s) free = candidate;
      else if (replaceable(s)) return replacing(s, true);
    }
  }
  // Renamed, or asked for in the other language: the marker remembers the name it was asked for.
  const ours = existing.filter(replaceable);
  const asked = ours.find((s) => s.wanted !== undefined && (key(s.wanted) === key(base) || (isDefault(s.wanted) && isDefault(base))));
  if (asked) return replacing(asked, false);
  // A scorecard written before markers remembered that: the only one, when a default name is wanted.
  if (isDefault(base) && ours.length === 1 && ours[0].wanted === undefined) return replacing(ours[0], false);
  return free === undefined ? { name: base, renamed: false } : { name: free, renamed: true };
}
