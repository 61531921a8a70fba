/**
 * Column detection: which columns hold which role, from header names (English and German, see
 * headers.ts) confirmed or vetoed by the sample values, in the context of the sheet (its name and
 * its other columns say whether it holds survey answers, tickets, orders, monthly figures or
 * competitors).
 *
 * confidence = header match strength × value-type agreement × sheet-kind fit. Each column gets at
 * most one role and each role at most one column per sheet (the most confident first); the same
 * role may appear on several sheets (customerId on Tickets and Orders). Below MIN_CONFIDENCE a
 * column stays unassigned: the manager assigns it in the sidebar.
 */
import type { DetectRoles } from './api.js';
import { ROLES } from './types.js';
import type { Role, RoleAssignment, SampleCell, SheetOutline } from './types.js';
import { FILLER_WORDS, GROUP_WORDS, ROLE_WORDS, SHEET_WORDS } from './headers.js';
import type { Group, SheetKind, ValueType } from './headers.js';
import { authorOf } from '../kpis/log-words.js';
import { wallClock } from '../values/clock.js';
import { refineLogRoles } from './detect-log.js';
import { isErrorText, parseDateText, parseNumberText } from '../values/text.js';

/** Columns less certain than this stay unassigned. */
export const MIN_CONFIDENCE = 0.5;
/** A role given by values alone (a 0–10 column headed "Q1"): just enough to be proposed. */
export const TYPE_ONLY_CONFIDENCE = 0.5;
/** Type agreement of a column without samples (a sheet with only headers): the header decides, a little less sure. */
const NO_SAMPLES = 0.8;
/** Sheet-kind fit: the role belongs on this kind of sheet / the kind is unknown / another kind. */
const KIND_FIT = 1, KIND_UNKNOWN = 0.85, KIND_OTHER = 0.6;

export const detectRoles: DetectRoles = (outline) => {
  const out: RoleAssignment[] = [];
  for (const sheet of outline.sheets) {
    for (const a of detectSheet(sheet)) out.push(a);
  }
  return out;
};

// ---------------------------------------------------------------- words

const FILLER = new Set(FILLER_WORDS);
const DIGITS = /^\d+$/;

/** Header text as comparable words: `Gelöst am` → [geloest], `createdAt` → [created], `Kunden-ID` → [kunden, id]. */
export function headerWords(text: string): string[] {
  const folded = text
    .normalize('NFC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  const words: string[] = [];
  for (const w of folded.split(' ')) {
    if (w && !FILLER.has(w) && !DIGITS.test(w)) words.push(w);
  }
  return words.slice(0, 30);
}

const SUFFIXES = ['en', 'er', 'es', 'em', 'e', 'n', 's'];

function stemsOf(w: string): string[] {
  const out = [w];
  for (const s of SUFFIXES) if (w.length - s.length >= 3 && w.endsWith(s)) out.push(w.slice(0, -s.length));
  return out;
}

/** Inflections of one word: customer/customers, Kunde/Kunden, ersten/erster. */
function sameStem(a: string, b: string): boolean {
  const sa = stemsOf(a), sb = stemsOf(b);
  for (const x of sa) if (sb.includes(x)) return true;
  return false;
}

/** How well header word `h` stands for phrase word `p`: equal, inflected, or part of a compound (`Monatsanfang` ⊃ `anfang`). */
function wordScore(h: string, p: string): number {
  if (h === p) return 1;
  if (sameStem(h, p)) return 0.95;
  if (p.length >= 4 && h.length > p.length && (h.startsWith(p) || h.endsWith(p))) return 0.8;
  return 0;
}

/**
 * How well a header matches a phrase: every phrase word must stand for a different header word;
 * the weakest word match counts, scaled by how much of the header the phrase explains
 * (`Customer` explains all of `Customer`, half of `Customers at start`).
 */
function matchWords(header: readonly string[], phrase: readonly string[]): number {
  if (header.length === 0 || phrase.length === 0 || phrase.length > header.length) return 0;
  const used: boolean[] = [];
  let quality = 1;
  for (const p of phrase) {
    let best = 0, at = -1;
    for (let i = 0; i < header.length; i++) {
      if (used[i]) continue;
      const s = wordScore(header[i], p);
      if (s > best) { best = s; at = i; }
    }
    if (best === 0) return 0;
    used[at] = true;
    if (best < quality) quality = best;
  }
  return quality * (0.4 + (0.6 * phrase.length) / header.length);
}

// ---------------------------------------------------------------- the vocabulary, compiled once

interface Phrase {
  readonly words: readonly string[];
  readonly strength: number;
  readonly mark: 'name' | 'synonym' | 'generic' | 'shared';
}

function compile(text: string): Phrase {
  const c = text[0];
  if (c === '=') return { words: headerWords(text.slice(1)), strength: 1, mark: 'name' };
  if (c === '~') return { words: headerWords(text.slice(1)), strength: 0.75, mark: 'generic' };
  if (c === '?') return { words: headerWords(text.slice(1)), strength: 0.9, mark: 'shared' };
  return { words: headerWords(text), strength: 0.9, mark: 'synonym' };
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

/** How a header matches a role, by kind of phrase. */
interface HeaderMatch {
  /** Best name or synonym match. */
  readonly specific: number;
  /** Best generic match (counts only on a sheet of the role's kind). */
  readonly generic: number;
  /** Best staff/customer-shared match (the context decides). */
  readonly shared: number;
}

interface Column {
  readonly index: number;
  readonly header: string;
  readonly words: readonly string[];
  readonly profile: Profile;
  readonly matches: ReadonlyMap<Role, HeaderMatch>;
  readonly groups: Readonly<Record<Group, boolean>>;
}

interface Candidate {
  readonly col: number;
  readonly role: Role;
  readonly confidence: number;
}

function detectSheet(sheet: SheetOutline): RoleAssignment[] {
  const columns: Column[] = sheet.headers.map((header, index) => {
    const words = headerWords(header);
    return {
      index,
      header,
      words,
      profile: profileOf(sheet.samples[index] ?? []),
      matches: headerMatches(words),
      groups: { staff: hasGroupWord(words, 'staff'), customers: hasGroupWord(words, 'customers') },
    };
  });
  const kind = sheetKind(sheet.name, columns);

  const candidates: Candidate[] = [];
  for (const col of columns) {
    let matched = false;
    for (const [role, m] of col.matches) {
      const words = ROLE_WORDS[role];
      let strength = m.specific;
      if (kind !== undefined && words.kinds.includes(kind)) strength = Math.max(strength, m.generic);
      if (m.shared > 0 && words.group) strength = Math.max(strength, m.shared * groupContext(columns, col.index, words.group));
      if (strength === 0) continue;
      matched = true;
      const fit = kind === undefined ? KIND_UNKNOWN : words.kinds.includes(kind) ? KIND_FIT : KIND_OTHER;
      const confidence = strength * typeAgreement(words.type, col.profile) * fit;
      if (confidence >= MIN_CONFIDENCE) candidates.push({ col: col.index, role, confidence });
    }
    if (!matched && isCodeLike(col.header) && (kind === undefined || kind === 'survey')) {
      const role = roleByValues(col.profile);
      if (role) candidates.push({ col: col.index, role, confidence: TYPE_ONLY_CONFIDENCE });
    }
  }

  // Most confident first; ties go to the earlier column, then to the role listed first.
  candidates.sort((a, b) => b.confidence - a.confidence || a.col - b.col || ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  const takenCols = new Set<number>();
  const takenRoles = new Set<Role>();
  const out: RoleAssignment[] = [];
  for (const c of candidates) {
    if (takenCols.has(c.col) || takenRoles.has(c.role)) continue;
    takenCols.add(c.col);
    takenRoles.add(c.role);
    out.push({
      role: c.role,
      sheet: sheet.name,
      column: sheet.firstCol + c.col,
      header: sheet.headers[c.col],
      confidence: Math.round(c.confidence * 100) / 100,
      source: 'detected',
    });
  }
  const holdsDates = (i: number): boolean => typeAgreement('date', columns[i].profile) > 0 && columns[i].profile.n > 0;
  return refineLogRoles(sheet, kind, out, holdsDates).sort((a, b) => a.column - b.column);
}

function headerMatches(words: readonly string[]): Map<Role, HeaderMatch> {
  const out = new Map<Role, HeaderMatch>();
  if (words.length === 0) return out;
  for (const role of ROLES) {
    let specific = 0, generic = 0, shared = 0;
    for (const p of ROLE_PHRASES.get(role)!) {
      const s = p.strength * matchWords(words, p.words);
      if (s === 0) continue;
      if (p.mark === 'generic') generic = Math.max(generic, s);
      else if (p.mark === 'shared') shared = Math.max(shared, s);
      else specific = Math.max(specific, s);
    }
    if (specific > 0 || generic > 0 || shared > 0) out.set(role, { specific, generic, shared });
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

const UTC = wallClock('UTC');
const FLAG_WORDS = new Set(['yes', 'no', 'ja', 'nein', 'y', 'n', 'j', 'x', 'true', 'false', 'wahr', 'falsch']);
const MONTH_NAMES = new Set([
  'jan', 'january', 'januar', 'jänner', 'feb', 'february', 'februar', 'mar', 'march', 'mär', 'märz', 'maerz', 'apr', 'april',
  'may', 'mai', 'jun', 'june', 'juni', 'jul', 'july', 'juli', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october',
  'okt', 'oktober', 'nov', 'november', 'dec', 'december', 'dez', 'dezember',
]);
const MONTH_LABEL = /^(?:\d{4}-(?:0[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])[./]\d{4}|\d{4}-?[qQ][1-4]|[qQ][1-4][ /-]?\d{4}|\d{4}-W\d{2})$/;
const MONTH_NAME_LABEL = /^(\p{L}+)\.?\s+(?:\d{4}|'?\d{2})$/u;

/** What a column's samples hold. */
interface Profile {
  /** Samples that are not blank and not error values. */
  readonly n: number;
  /** Numbers and numeric text. */
  readonly nums: readonly number[];
  /** Numeric text that reads two ways (`1,234`): a number of unknown size. */
  readonly ambiguous: number;
  readonly dates: number;
  readonly months: number;
  readonly booleans: number;
  readonly flagWords: number;
  readonly text: number;
  /** Text of several words (free text rather than names or codes). */
  readonly longText: number;
  /** Author words of message logs (customer, agent, note …). */
  readonly authorWords: number;
}

function profileOf(samples: readonly SampleCell[]): Profile {
  let n = 0, ambiguous = 0, dates = 0, months = 0, booleans = 0, flagWords = 0, text = 0, longText = 0, authorWords = 0;
  const nums: number[] = [];
  for (const v of samples) {
    if (v === null) continue;
    if (typeof v === 'number') {
      n++;
      nums.push(v);
      continue;
    }
    if (typeof v === 'boolean') {
      n++;
      booleans++;
      continue;
    }
    const t = v.trim();
    if (t === '' || isErrorText(t)) continue;
    n++;
    if (FLAG_WORDS.has(t.toLowerCase())) { flagWords++; continue; }
    const num = parseNumberText(t);
    if (typeof num === 'number') { nums.push(num); continue; }
    if (num !== undefined) { ambiguous++; continue; }
    if (parseDateText(t, UTC) !== undefined) { dates++; continue; }
    if (isMonthLabel(t)) { months++; continue; }
    text++;
    if (t.length >= 25 || t.split(/\s+/).length >= 3) longText++;
    if (authorOf(t) !== undefined) authorWords++;
  }
  return { n, nums, ambiguous, dates, months, booleans, flagWords, text, longText, authorWords };
}

function isMonthLabel(t: string): boolean {
  if (MONTH_LABEL.test(t)) return true;
  const m = MONTH_NAME_LABEL.exec(t);
  return m !== null && MONTH_NAMES.has(m[1].toLowerCase());
}

const count = (xs: readonly number[], ok: (x: number) => boolean): number => {
  let k = 0;
  for (const x of xs) if (ok(x)) k++;
  return k;
};

/** Excel serials of the years 1954–2119: how dates arrive from Excel. */
const isSerialLike = (x: number): boolean => x >= 20_000 && x <= 80_000;

/**
 * The share of samples fitting a value type, 0 when fewer than half fit (a veto): a date role
 * needs dates, a score role whole 0–10 numbers, a flag yes/no values.
 */
export function typeAgreement(type: ValueType, p: Profile): number {
  if (p.n === 0) return NO_SAMPLES;
  const { nums } = p;
  const numbers = nums.length + p.ambiguous;
  let fit: number;
  switch (type) {
    case 'date': fit = p.dates + 0.85 * count(nums, isSerialLike); break;
    case 'period': fit = p.dates + p.months + 0.85 * count(nums, isSerialLike); break;
    case 'nps': fit = count(nums, (x) => Number.isInteger(x) && x >= 0 && x <= 10); break;
    case 'rating': fit = count(nums, (x) => x >= 0 && x <= 10 && Number.isInteger(x * 2)); break;
    case 'text': fit = p.text + p.flagWords + 0.5 * numbers; break;
    case 'id': fit = p.text + numbers; break;
    case 'name': fit = p.text; break;
    case 'flag': fit = p.booleans + p.flagWords + count(nums, (x) => x === 0 || x === 1); break;
    case 'flagOrCount': fit = p.booleans + p.flagWords + count(nums, (x) => x >= 0 && Number.isInteger(x)); break;
    case 'count':
      fit = count(nums, (x) => x >= 0);
      if (count(nums, Number.isInteger) < nums.length) fit *= 0.85;
      break;
    case 'amount': fit = numbers; break;
    case 'points': fit = count(nums, (x) => x >= -100 && x <= 100); break;
    case 'share': fit = count(nums, (x) => x >= 0 && x <= 100); break;
    case 'hours': fit = count(nums, (x) => x >= 0); break;
    // Names, or codes (ServiceNow's state 1–8) counted a little less: a sequence number is no status.
    case 'status': fit = p.text + 0.75 * count(nums, (x) => Number.isInteger(x) && x >= 0 && x < 100); break;
    case 'author': fit = p.authorWords; break;
  }
  const a = fit / p.n;
  return a < 0.5 ? 0 : Math.min(1, a);
}

/** Headers that name nothing: empty, or a question code (`Q1`, `Frage 3`, `Column7`). */
const CODE_LIKE = /^(?:(?:q|f|frage|question|item|col|column|spalte|feld|field|var|v)\s*[-_.#:]?\s*\d+[a-z]?|unnamed\W*\d*)?$/i;

function isCodeLike(header: string): boolean {
  return CODE_LIKE.test(header.trim());
}

/** A survey role clear from the values alone: 0–10 whole scores, 1–5 ratings, free-text comments. */
function roleByValues(p: Profile): Role | undefined {
  const { nums, n } = p;
  if (n < 3) return undefined;
  if (nums.length === n && n >= 5) {
    const whole = count(nums, (x) => Number.isInteger(x) && x >= 0 && x <= 10) === n;
    const max = Math.max(...nums);
    if (whole && max > 5) return 'npsScore';
    if (whole && max <= 5 && max >= 3) return 'satisfaction';
  }
  if (p.text >= 0.8 * n && p.longText >= 0.5 * n) return 'comment';
  return undefined;
}
