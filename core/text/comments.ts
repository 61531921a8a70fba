/**
 * Reading comment ranges and word-list arguments. A comment is a text cell; number cells (and
 * text that is just a number or a date) are not comments and are skipped, like blanks. Error cells
 * are errors naming their position. A one-word column title in the first non-blank cell
 * (`Comment`, `Kommentar`, `Feedback` …) is skipped, so a whole-column reference works.
 */
import type { CallContext } from '../values/context.js';
import { cellAt } from '../values/grid.js';
import { isOmitted, readTexts } from '../values/read.js';
import { parseDateText, parseNumberText } from '../values/text.js';

export interface Comments {
  /** One entry per cell, row-major; `undefined` where the cell is not a comment. */
  readonly texts: (string | undefined)[];
  /** Number of comments (non-blank responses). */
  readonly count: number;
}

const TITLES: ReadonlySet<string> = new Set([
  'comment', 'comments', 'feedback', 'text', 'texts', 'answer', 'answers', 'response', 'responses', 'remarks', 'notes', 'verbatim', 'verbatims',
  'kommentar', 'kommentare', 'freitext', 'antwort', 'antworten', 'anmerkung', 'anmerkungen', 'bemerkung', 'bemerkungen', 'rückmeldung', 'begründung',
]);

export function readComments(ctx: CallContext, x: unknown, arg: string): Comments {
  const { grid, texts } = readTexts(ctx, x, arg);
  let count = 0;
  let first = true;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t === undefined) continue;
    const raw = cellAt(grid, i);
    if (typeof raw !== 'string' || parseNumberText(t) !== undefined || typeof parseDateText(t, ctx.clock) === 'number') {
      texts[i] = undefined;
      continue;
    }
    if (first) {
      first = false;
      if (TITLES.has(t.toLowerCase())) {
        texts[i] = undefined;
        continue;
      }
    }
    count++;
  }
  return { texts, count };
}

/**
 * A list of words or phrases from a range or comma-separated text (`"Acme, ACME Corp"`; a
 * semicolon or line break also separates). Blank items are dropped; error cells are errors.
 */
export function readList(ctx: CallContext, x: unknown, arg: string): string[] {
  if (isOmitted(x)) return [];
  const { texts } = readTexts(ctx, x, arg);
  const out: string[] = [];
  for (const t of texts) {
    if (t === undefined) continue;
    for (const part of t.split(/[,;\n]/)) {
      const p = part.trim();
      if (p !== '') out.push(p);
    }
  }
  return out;
}
