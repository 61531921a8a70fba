/**
 * Column detection: which columns hold which role, and why. Four kinds of evidence, strongest
 * first:
 *
 * 1. A known export layout (vocab/: Zendesk, Freshdesk, Jira, …, Google Forms, Typeform, …, call-centre
 *    CDR and queue reports (Asterisk, 3CX, Amazon Connect, Genesys, Twilio, Avaya CMS), IBM's
 *    snapshots): when enough of a layout's signature headers are on a sheet, its columns' roles are
 *    taken from the layout's table.
 * 2. A header a known layout uses, on a sheet no layout was recognised on (`First reply time in
 *    minutes` alone).
 * 3. Header words (headers.ts, English and German), in the context of the sheet: its name and its
 *    other columns say whether it holds survey answers, tickets, orders, monthly figures, a customer
 *    or staff list, or competitors.
 * 4. The values under a question header (`On a scale of 0-10, how would you rate …?` over whole
 *    numbers 0–10 is an NPS question; rating words of a listed scale are satisfaction) or under a
 *    header that names nothing (`Q1`).
 *
 * Every candidate is checked against the column's sample values (detect/values.ts; a date role
 * needs dates, an NPS score whole numbers 0–10): confidence = header strength × value agreement ×
 * sheet-kind fit. Each column gets at most one role and each role at most one column per sheet (the
 * most confident first); the same role may appear on several sheets. Below MIN_CONFIDENCE a column
 * stays unassigned: the manager assigns it in the sidebar or a roles file.
 */
import type { DetectRoles } from './api.js';
import { headerWords, hasWord, matchWords, wordScore } from './detect/words.js';
import { describeValues, profileSamples, scaleOfNumbers, typeAgreement } from './detect/values.js';
import type { SampleProfile } from './detect/values.js';
import { GROUP_WORDS, ROLE_WORDS, SHEET_WORDS } from './headers.js';
import type { Group, SheetKind } from './headers.js';
import { ROLES } from './types.js';
import type { Role, RoleAssignment, SheetOutline, WorkbookOutline } from './types.js';
import { knownHeader, layoutColumn, recogniseLayout } from './vocab/match.js';
import type { RecognisedLayout } from './vocab/match.js';
import { refineLogRoles } from './detect-log.js';
import { quote } from '../safe-text.js';

export { headerWords } from './detect/words.js';
export { typeAgreement } from './detect/values.js';

/** Columns less certain than this stay unassigned. */
export const MIN_CONFIDENCE = 0.5;
/** A role given by values alone (a 0–10 column headed "Q1"): just enough to be proposed. */
export const TYPE_ONLY_CONFIDENCE = 0.5;
/** Sheet-kind fit: the role belongs on this kind of sheet / the kind is unknown / another kind. */
const KIND_FIT = 1, KIND_UNKNOWN = 0.85, KIND_OTHER = 0.6;
/** A recognised layout's column: the first text listed for a role, then its alternatives. */
const LAYOUT_STRENGTH = [0.97, 0.95, 0.93];
/** A header some known layout uses, on a sheet of no recognised layout. */
const KNOWN_HEADER = 0.9;
/** A question header over values that fit: with a key word (`recommend`, `0-10`), without. */
const QUESTION_KEYWORD = 0.85, QUESTION_VALUES = 0.7;

// ---------------------------------------------------------------- what detection tells

/** Why a column got a role: the header's part, the values' part, and the layout when one was recognised. */
export interface RoleEvidence {
  readonly role: Role;
  readonly confidence: number;
  readonly header: string;
  readonly values: string;
  readonly layout?: string;
}

export interface DetectedColumn {
  /** Sheet column (1-based). */
  readonly column: number;
  readonly header: string;
  /** What the sample values hold, in a few words. */
  readonly values: string;
  readonly roles: readonly RoleEvidence[];
  /** Why it has no role, when the recognised layout lists it without one. */
  readonly none?: string;
}

export interface DetectedSheet {
  readonly name: string;
  readonly headerRow: number;
  readonly firstCol: number;
  readonly rowCount: number;
  /** What the sheet holds, when anything speaks for a kind. */
  readonly kind?: SheetKind;
  /**
   * What one row is: a record (a ticket, an answer, a customer) or an event of a ticket's history
   * (`log`: repeated ticket ids, one row per update). Detection of logs fills this in.
   */
  readonly shape: 'table' | 'log';
  /** The known export layout recognised, with how many of its signature headers were found. */
  readonly layout?: { readonly id: string; readonly name: string; readonly found: number };
  readonly columns: readonly DetectedColumn[];
}

export interface Detection {
  readonly sheets: readonly DetectedSheet[];
  /** The roles, in sheet and column order (what the sidebar and the plan take). */
  readonly roles: readonly RoleAssignment[];
}

export const detectRoles: DetectRoles = (outline) => [...detectWorkbook(outline).roles];

/** Detection with its evidence, for `service-kpi detect`, --json, the HTML report and the sidebar. */
export function detectWorkbook(outline: WorkbookOutline): Detection {
  const sheets = outline.sheets.map(detectSheet);
  const roles: RoleAssignment[] = [];
  for (const s of sheets) {
    for (const c of s.columns) {
      for (const r of c.roles) {
        roles.push({ role: r.role, sheet: s.name, column: c.column, header: c.header, confidence: r.confidence, source: 'detected' });
      }
    }
  }
  return { sheets, roles };
}

// ---------------------------------------------------------------- the vocabulary, compiled once

interface Phrase {
  readonly text: string;
  readonly words: readonly string[];
  readonly strength: number;
  readonly mark: 'name' | 'synonym' | 'generic' | 'shared';
}

function compile(text: string): Phrase {
  const c = text[0];
  if (c === '=') return { text: text.slice(1), words: headerWords(text.slice(1)), strength: 1, mark: 'name' };
  if (c === '~') return { text: text.slice(1), words: headerWords(text.slice(1)), strength: 0.75, mark: 'generic' };
  if (c === '?') return { text: text.slice(1), words: headerWords(text.slice(1)), strength: 0.9, mark: 'shared' };
  return { text, words: headerWords(text), strength: 0.9, mark: 'synonym' };
}

const ROLE_PHRASES: ReadonlyMap<Role, readonly Phrase[]> = new Map(
  ROLES.map((role) => [role, [...ROLE_WORDS[role].en, ...ROLE_WORDS[role].de].map(compile)]),
);

const KINDS = Object.keys(SHEET_WORDS) as SheetKind[];
const KIND_PHRASES: ReadonlyMap<SheetKind, readonly (readonly string[])[]> = new Map(
  KINDS.map((k) => [k, [...SHEET_WORDS[k].en, ...SHEET_WORDS[k].de].map(headerWords)]),
);
const GROUP_PHRASES: Readonly<Record<Group, readonly string[]>> = {
  staff: GROUP_WORDS.staff.map((w) => headerWords(w)[0]),
  customers: GROUP_WORDS.customers.map((w) => headerWords(w)[0]),
};

// ---------------------------------------------------------------- one sheet

/** How a header matches a role, by kind of phrase, with the phrase that matched best. */
interface HeaderMatch {
  /** Best name or synonym match. */
  readonly specific: number;
  readonly specificPhrase?: Phrase;
  /** Best generic match (counts only on a sheet of the role's kind). */
  readonly generic: number;
  readonly genericPhrase?: Phrase;
  /** Best staff/customer-shared match (the context decides). */
  readonly shared: number;
  readonly sharedPhrase?: Phrase;
}

interface Column {
  readonly index: number;
  readonly header: string;
  readonly words: readonly string[];
  readonly profile: SampleProfile;
  readonly matches: ReadonlyMap<Role, HeaderMatch>;
  readonly groups: Readonly<Record<Group, boolean>>;
}

interface Candidate {
  readonly col: number;
  readonly role: Role;
  readonly confidence: number;
  readonly header: string;
  readonly layout?: string;
}

function detectSheet(sheet: SheetOutline): DetectedSheet {
  const columns: Column[] = sheet.headers.map((header, index) => {
    const words = headerWords(header);
    return {
      index,
      header,
      words,
      profile: profileSamples(sheet.samples[index] ?? []),
      matches: headerMatches(words),
      groups: { staff: hasGroupWord(words, 'staff'), customers: hasGroupWord(words, 'customers') },
    };
  });
  const recognised = recogniseLayout(sheet.headers);
  const kind = recognised?.layout.kind ?? sheetKind(sheet.name, columns);

  const candidates: Candidate[] = [];
  for (const col of columns) candidates.push(...candidatesOf(col, columns, kind, recognised));

  // Most confident first; ties go to the earlier column, then to the role listed first.
  candidates.sort((a, b) => b.confidence - a.confidence || a.col - b.col || ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  const takenCols = new Set<number>();
  const takenRoles = new Set<Role>();
  const chosen = new Map<number, RoleEvidence[]>();
  for (const c of candidates) {
    if (c.confidence < MIN_CONFIDENCE || takenCols.has(c.col) || takenRoles.has(c.role)) continue;
    takenCols.add(c.col);
    takenRoles.add(c.role);
    chosen.set(c.col, [{
      role: c.role,
      confidence: Math.round(c.confidence * 100) / 100,
      header: c.header,
      values: `values ${valueFit(c.role, columns[c.col].profile)}`,
      ...(c.layout ? { layout: c.layout } : {}),
    }]);
  }
  // Status and message logs: log roles only where ticket ids repeat; a log's time column (detect-log.ts).
  const assigned: RoleAssignment[] = [...chosen].map(([i, ev]) => ({
    role: ev[0].role, sheet: sheet.name, column: sheet.firstCol + i, header: sheet.headers[i], confidence: ev[0].confidence, source: 'detected',
  }));
  const holdsDates = (i: number): boolean => typeAgreement('date', columns[i].profile) > 0 && columns[i].profile.n > 0;
  const refined = refineLogRoles(sheet, kind, assigned, holdsDates);
  const final = new Map<number, RoleEvidence[]>();
  for (const r of refined) {
    const i = r.column - sheet.firstCol;
    const before = chosen.get(i)?.[0];
    final.set(i, [before && before.role === r.role ? before : {
      role: r.role, confidence: r.confidence,
      header: `header ${quote(r.header)}: the time of each row of a log whose ticket ids repeat`,
      values: `values ${valueFit(r.role, columns[i].profile)}`,
    }]);
  }
  const isLog = refined.some((r) => r.role === 'logStatus' || r.role === 'logAuthor');
  return {
    name: sheet.name,
    headerRow: sheet.headerRow,
    firstCol: sheet.firstCol,
    rowCount: sheet.rowCount,
    ...(kind ? { kind } : {}),
    shape: isLog ? 'log' : 'table',
    ...(recognised ? { layout: { id: recognised.layout.id, name: recognised.layout.name, found: recognised.found } } : {}),
    columns: columns.map((c) => {
      const roles = final.get(c.index) ?? [];
      const listed = roles.length === 0 && recognised ? layoutColumn(recognised.layout, c.header) : undefined;
      return {
        column: sheet.firstCol + c.index,
        header: c.header,
        values: describeValues(c.profile),
        roles,
        ...(listed && listed.roles.length === 0
          ? { none: `no role: the ${recognised!.layout.name} layout gives ${quote(c.header)} none${listed.why ? ` (${listed.why})` : ''}` } : {}),
      };
    }),
  };
}

/** How well the values fit a role, as the evidence says it. */
function valueFit(role: Role, p: SampleProfile): string {
  const a = typeAgreement(ROLE_WORDS[role].type, p);
  return p.n === 0 ? 'not checked (no samples)' : `fit (${Math.round(a * 100)} %: ${describeValues(p)})`;
}

function kindFit(role: Role, kind: SheetKind | undefined): number {
  const kinds = ROLE_WORDS[role].kinds;
  return kind === undefined ? KIND_UNKNOWN : kinds.includes(kind) ? KIND_FIT : KIND_OTHER;
}

/** Every role a column could hold, with its confidence and why. */
function candidatesOf(col: Column, columns: readonly Column[], kind: SheetKind | undefined, recognised: RecognisedLayout | undefined): Candidate[] {
  const out: Candidate[] = [];
  const push = (role: Role, strength: number, header: string, layout?: string): void => {
    const confidence = strength * typeAgreement(ROLE_WORDS[role].type, col.profile) * kindFit(role, kind);
    if (confidence > 0) out.push({ col: col.index, role, confidence, header, ...(layout ? { layout } : {}) });
  };

  // 1. The recognised layout's own column: the layout decides (a column it lists without a role has none).
  if (recognised) {
    const k = layoutColumn(recognised.layout, col.header);
    if (k) {
      const strength = LAYOUT_STRENGTH[Math.min(k.rank, LAYOUT_STRENGTH.length - 1)];
      for (const role of k.roles) push(role, strength, `header ${quote(col.header)} is this column in the ${recognised.layout.name} layout`, recognised.layout.name);
      return out;
    }
  }
  // 2. A header of another known layout.
  for (const k of knownHeader(col.header)) {
    // Only where the sheet may be of that layout's kind (`Timestamp` is Google Forms' survey date, not a log's).
    if (k.layout === recognised?.layout || (kind !== undefined && kind !== k.layout.kind)) continue;
    for (const role of k.roles) push(role, KNOWN_HEADER * (k.rank === 0 ? 1 : 0.97), `header ${quote(col.header)} is this column in the ${k.layout.name} layout`);
  }
  // 3. Header words.
  let matched = false;
  for (const [role, m] of col.matches) {
    const words = ROLE_WORDS[role];
    let strength = m.specific, phrase = m.specificPhrase;
    if (kind !== undefined && words.kinds.includes(kind) && m.generic > strength) {
      strength = m.generic;
      phrase = m.genericPhrase;
    }
    if (m.shared > 0 && words.group) {
      const s = m.shared * groupContext(columns, col.index, words.group);
      if (s > strength) {
        strength = s;
        phrase = m.sharedPhrase;
      }
    }
    if (strength === 0 || !phrase) continue;
    matched = true;
    const how = phrase.mark === 'name' ? 'the name' : phrase.mark === 'generic' ? `a word that means it on a ${kind ?? ''} sheet` : 'a name';
    push(role, strength, `header ${quote(col.header)} matches ${quote(phrase.text)}, ${how} of ${role}`);
  }
  // 4. Values under a question, or under a header that names nothing.
  for (const q of questionRoles(col)) push(q.role, q.strength, q.why);
  if (!matched && isCodeLike(col.header) && (kind === undefined || kind === 'survey')) {
    const role = roleByValues(col.profile);
    if (role) out.push({ col: col.index, role, confidence: TYPE_ONLY_CONFIDENCE, header: col.header === '' ? 'no header: the values alone' : `header ${quote(col.header)} names nothing: the values alone` });
  }
  return out;
}

function headerMatches(words: readonly string[]): Map<Role, HeaderMatch> {
  const out = new Map<Role, HeaderMatch>();
  if (words.length === 0) return out;
  for (const role of ROLES) {
    let specific = 0, generic = 0, shared = 0;
    let specificPhrase: Phrase | undefined, genericPhrase: Phrase | undefined, sharedPhrase: Phrase | undefined;
    for (const p of ROLE_PHRASES.get(role)!) {
      const s = p.strength * matchWords(words, p.words);
      if (s === 0) continue;
      if (p.mark === 'generic') { if (s > generic) { generic = s; genericPhrase = p; } }
      else if (p.mark === 'shared') { if (s > shared) { shared = s; sharedPhrase = p; } }
      else if (s > specific) { specific = s; specificPhrase = p; }
    }
    if (specific > 0 || generic > 0 || shared > 0) out.set(role, { specific, specificPhrase, generic, genericPhrase, shared, sharedPhrase });
  }
  return out;
}

function hasGroupWord(words: readonly string[], group: Group): boolean {
  for (const w of words) for (const g of GROUP_PHRASES[group]) if (wordScore(w, g) >= 0.8) return true;
  return false;
}

/**
 * The kind of sheet: its name counts double, then each column's best specific role votes for the
 * kinds that role belongs to (only when its values agree). Unknown when nothing speaks for a kind.
 */
function sheetKind(name: string, columns: readonly Column[]): SheetKind | undefined {
  const score = new Map<SheetKind, number>(KINDS.map((k) => [k, 0]));
  const nameWords = headerWords(name);
  for (const k of KINDS) {
    let best = 0;
    for (const p of KIND_PHRASES.get(k)!) best = Math.max(best, matchWords(nameWords, p));
    if (best >= 0.6) score.set(k, 2 * best);
  }
  for (const col of columns) {
    let bestRole: Role | undefined, best = 0;
    for (const [role, m] of col.matches) {
      if (m.specific > best && typeAgreement(ROLE_WORDS[role].type, col.profile) > 0) {
        best = m.specific;
        bestRole = role;
      }
    }
    if (!bestRole || best < 0.6) continue;
    const kinds = ROLE_WORDS[bestRole].kinds;
    for (const k of kinds) score.set(k, score.get(k)! + best / kinds.length);
  }
  let kind: SheetKind | undefined, top = 0.6;
  for (const k of KINDS) {
    if (score.get(k)! > top) {
      top = score.get(k)!;
      kind = k;
    }
  }
  return kind;
}

/**
 * How well the surroundings of a shared word (`Abgänge`) fit a staff or customer role: the header
 * itself, then its neighbours, then the whole sheet.
 */
function groupContext(columns: readonly Column[], i: number, own: Group): number {
  const other: Group = own === 'staff' ? 'customers' : 'staff';
  if (columns[i].groups[other]) return 0;
  if (columns[i].groups[own]) return 1;
  for (let d = 1; d <= 2; d++) {
    let ours = false, theirs = false;
    for (const j of [i - d, i + d]) {
      if (j < 0 || j >= columns.length) continue;
      ours ||= columns[j].groups[own];
      theirs ||= columns[j].groups[other];
    }
    if (ours && !theirs) return 0.95;
    if (theirs && !ours) return 0.55;
  }
  let ours = 0, theirs = 0;
  for (const c of columns) {
    if (c.groups[own]) ours++;
    if (c.groups[other]) theirs++;
  }
  if (ours > 0 && theirs === 0) return 0.9;
  if (theirs > 0 && ours === 0) return 0.55;
  return 0.7;
}

// ---------------------------------------------------------------- values

/** Headers that name nothing: empty, or a question code (`Q1`, `Frage 3`, `Column7`). */
const CODE_LIKE = /^(?:(?:q|f|frage|question|item|col|column|spalte|feld|field|var|v)\s*[-_.#:]?\s*\d+[a-z]?|unnamed\W*\d*)?$/i;

function isCodeLike(header: string): boolean {
  return CODE_LIKE.test(header.trim());
}

/** A header that asks: ends in a question mark (a scale hint may follow) or is a sentence. */
function isQuestion(header: string): boolean {
  const t = header.trim();
  return /\?\s*(?:\([^)]*\))?$/.test(t) || t.split(/\s+/).length >= 7;
}

/** `0-10`, `0–10`, `0 to 10`, `0 bis 10` in a header. */
const ZERO_TO_TEN = /(?:^|[^\d.,])0\s*(?:-|–|—|to|bis)\s*10(?:$|[^\d])/i;
const RECOMMEND_WORDS = ['recommend', 'recommendation', 'weiterempfehlen', 'empfehlen', 'weiterempfehlung', 'empfehlung', 'likely', 'wahrscheinlich'];
const SATISFIED_WORDS = ['satisfied', 'satisfaction', 'zufrieden', 'zufriedenheit', 'rate', 'rating', 'bewerten', 'bewertung', 'happy'];
const COMMENT_WORDS = ['why', 'warum', 'comment', 'comments', 'kommentar', 'reason', 'grund', 'improve', 'besser', 'anything', 'else'];

/**
 * Roles a question header's values give (survey tools write the question as the header): whole
 * numbers 0–10 reaching above 5 are an NPS question (surer with `recommend` or `0-10` in it),
 * rating words of a listed scale or 1–5 numbers under a satisfaction question are satisfaction,
 * free text under a "why?" is a comment.
 */
function questionRoles(col: Column): { role: Role; strength: number; why: string }[] {
  if (!isQuestion(col.header)) return [];
  const out: { role: Role; strength: number; why: string }[] = [];
  const p = col.profile;
  const s = scaleOfNumbers(p);
  const zeroToTen = ZERO_TO_TEN.test(col.header);
  const recommend = hasWord(col.words, RECOMMEND_WORDS);
  if (s && s.whole && s.min >= 0 && s.max <= 10 && (s.max > 5 || zeroToTen)) {
    const key = zeroToTen ? 'names a 0–10 scale' : recommend ? 'asks how likely a recommendation is' : '';
    out.push({
      role: 'npsScore', strength: key ? QUESTION_KEYWORD : QUESTION_VALUES,
      why: `question ${quote(col.header)}${key ? ` ${key}` : ''}, answered with whole numbers ${s.min}–${s.max}`,
    });
  }
  const satisfied = hasWord(col.words, SATISFIED_WORDS);
  if (p.core.labelScale && p.core.ratingWords >= 0.5 * p.n) {
    out.push({ role: 'satisfaction', strength: QUESTION_KEYWORD, why: `question ${quote(col.header)}, answered with words of the ${p.core.labelScale.name} scale` });
  } else if (satisfied && !recommend && s && s.whole && s.min >= 0 && s.max <= 7) {
    out.push({ role: 'satisfaction', strength: QUESTION_VALUES, why: `question ${quote(col.header)} asks for a rating, answered with whole numbers ${s.min}–${s.max}` });
  }
  if (p.longText >= 0.5 * p.n && p.n >= 1 && (hasWord(col.words, COMMENT_WORDS) || col.header.includes('?'))) {
    out.push({ role: 'comment', strength: QUESTION_VALUES, why: `question ${quote(col.header)}, answered with free text` });
  }
  return out;
}

/** A survey role clear from the values alone: 0–10 whole scores, 1–5 ratings or rating words, free-text comments. */
function roleByValues(p: SampleProfile): Role | undefined {
  const { nums, n } = p;
  if (n < 3) return undefined;
  if (nums.length === n && n >= 5) {
    const whole = nums.every((x) => Number.isInteger(x) && x >= 0 && x <= 10);
    const max = Math.max(...nums);
    if (whole && max > 5) return 'npsScore';
    if (whole && max <= 5 && max >= 3) return 'satisfaction';
  }
  if (p.core.labelScale && p.core.ratingWords >= 0.8 * n) return 'satisfaction';
  if (p.core.otherText >= 0.8 * n && p.longText >= 0.5 * n) return 'comment';
  return undefined;
}
