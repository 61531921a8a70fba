/**
 * The shape of a known export layout: the header row a tool writes, as data. One file per source
 * (zendesk.ts, freshdesk.ts, …), listed in index.ts; a new source is a new file and one line there,
 * never a change to detection. Header texts are given as the tool writes them (English and, where
 * the tool localises its export, German); they are compared without regard to case, spacing and an
 * Explore-style aggregator around them (`MED(First reply time (min))`).
 */
import type { InputUnit } from '../../values/duration-values.js';
import type { SheetKind } from '../headers.js';
import type { Role } from '../roles.js';

/** A column with a meaning: its roles, and the unit of its numbers when its header does not say it. */
export interface KnownColumn {
  readonly roles: readonly Role[];
  readonly unit?: InputUnit;
  /** Why a column listed without a role has none (what `service-kpi detect` says of it). */
  readonly why?: string;
}

export interface ExportLayout {
  readonly id: string;
  /** What a user knows it by: `Zendesk Support CSV export`. */
  readonly name: string;
  /** What its rows are. */
  readonly kind: SheetKind;
  /**
   * Header texts that recognise the layout when `min` of them (default: 3, or all when fewer are
   * listed) are present on one sheet.
   */
  readonly signature: readonly string[];
  readonly min?: number;
  /** The layout starts with a signature header in its first column (Google Forms' `Timestamp`). */
  readonly firstColumn?: boolean;
  /** The layout also holds question texts as headers (a survey tool's answers). */
  readonly questions?: boolean;
  /**
   * Header texts (EN and DE) → their role(s). Several texts of one role: the first listed present
   * wins. `<…>` in a text stands for what the account chooses (a time zone, a custom field name).
   * A column listed with no role (`[]`) has none, whatever its header words suggest (Jira's SLA
   * columns hold the time remaining, not a duration).
   */
  readonly columns: Readonly<Record<string, Role | readonly Role[] | KnownColumn>>;
  /** Where the header texts were checked (test/fixtures/real/header-vocabulary.md names the sources). */
  readonly checked: string;
}
