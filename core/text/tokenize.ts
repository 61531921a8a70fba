/**
 * Splitting comments into lower-case words with one pass over the characters (no regular
 * expression per word; character classes are looked up in a table filled once). Letters of any
 * script are word characters (ä ö ü ß é …, combining marks too); emoji and punctuation are not.
 *
 * Comments can hold personal data, so e-mail addresses, URLs (`http(s)://…`, `www.…`), bare
 * domains (`shop.de`), @handles and user names with `_` are dropped whole, and so is every token
 * with a digit in it (`24h`, `3x`, `10%`, `01.03.2026`, order numbers). Apostrophes: `isn't` and
 * `don't` stay whole (they are negations); `it's`, `we've`, `company's`, `geht's` lose the clitic.
 *
 * Clause breaks (`. , ; : ! ? ( ) " – / …`, a line break, or a dropped address) are kept as
 * BREAK_WORD between words: a negation never binds across one, and a multi-word attribute must not
 * span one. Dropped numbers are transparent (`nicht 100% zufrieden` still binds).
 */

/** Marks a clause break in a word list. */
export const BREAK_WORD = '';

// Character classes of UTF-16 code units, filled on first sight: 0 unknown, then one of these.
const OTHER = 1;
const LETTER = 2; // letters and combining marks
const DIGIT = 3; // any number character
const BREAK = 4; // ends a clause
const CLASS = new Uint8Array(65536);
const IS_LETTER = /[\p{L}\p{M}]/u;
const IS_DIGIT = /\p{N}/u;
for (const ch of '.,;:!?()[]{}"/|-\n\r“”„«»‹›…–—•·') CLASS[ch.charCodeAt(0)] = BREAK;

function classOf(ch: string): number {
  return IS_LETTER.test(ch) ? LETTER : IS_DIGIT.test(ch) ? DIGIT : OTHER;
}

function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  let k = CLASS[c];
  if (k === 0) {
    // Surrogate halves are classified per code point below, never cached.
    if (c >= 0xd800 && c <= 0xdfff) return OTHER;
    k = classOf(String.fromCharCode(c));
    CLASS[c] = k;
  }
  return k;
}

/** Code units taken by a letter or digit beyond the BMP at `i` (2), or 0. Emoji are not letters. */
function astralWordChar(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 0;
  const cp = s.codePointAt(i) as number;
  return cp > 0xffff && classOf(String.fromCodePoint(cp)) !== OTHER ? 2 : 0;
}

/** Characters that join word characters into one token (`isn't`, `e-mail`, `z.b`, `max@x.de`). */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45 || c === 95 || c === 43 || c === 64; // ' ’ . - _ + @
}

/** Last labels that make `name.tld` a domain, not two words run together. */
const TLDS: ReadonlySet<string> = new Set(['com', 'de', 'net', 'org', 'io', 'eu', 'info', 'biz', 'shop', 'online']);
/** Clitics dropped after an apostrophe (`it's` → `it`, `we'll` → `we`, `geht's` → `geht`). */
const CLITICS: ReadonlySet<string> = new Set(['s', 're', 've', 'll', 'd', 'm']);
const CURLY_APOSTROPHE = /’/g;
const APOSTROPHE = /'/g;
const DOT_OR_PLUS = /[.+]/;

function dropClitic(tok: string): string {
  if (tok.endsWith("n't")) return tok;
  const i = tok.indexOf("'");
  if (i > 0 && CLITICS.has(tok.slice(i + 1))) return tok.slice(0, i);
  return tok.replace(APOSTROPHE, '');
}

function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** NFC, so `e` + combining accent and `é` are one word; text below U+0300 is already composed. */
function composed(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return s.normalize('NFC');
  return s;
}

/**
 * Writes the words of `text` to `out[0]` … `out[n - 1]` and returns `n`: lower case, with
 * BREAK_WORD at clause breaks (never first or last, never two in a row). `out` is a scratch array
 * reused from text to text, so reading a large range keeps no words alive.
 */
export function readWords(text: string, out: string[]): number {
  const s = composed(text.toLowerCase());
  const len = s.length;
  let n = 0;
  let breakPending = false;
  let i = 0;
  while (i < len) {
    const c = s.charCodeAt(i);
    let k = classAt(s, i);
    let width = 1;
    if (k === OTHER && (width = astralWordChar(s, i)) > 0) k = LETTER;
    else width = 1;
    if (k === BREAK) breakPending = true;
    if (k !== LETTER && k !== DIGIT && c !== 64 /* @handle */) {
      i += width;
      continue;
    }
    // URLs run to the next whitespace.
    if ((c === 104 && (s.startsWith('http://', i) || s.startsWith('https://', i))) || (c === 119 && s.startsWith('www.', i))) {
      while (i < len && !isWhitespace(s.charCodeAt(i))) i++;
      breakPending = true; // an address stands where a noun would: it ends the clause
      continue;
    }
    const start = i;
    let digit = k === DIGIT, special = c === 64, dotOrPlus = false, apostrophe = false;
    i += width;
    while (i < len) {
      let kk = classAt(s, i);
      let w = 1;
      if (kk === OTHER && (w = astralWordChar(s, i)) > 0) kk = LETTER;
      if (kk === LETTER) { i += w; continue; }
      if (kk === DIGIT) { digit = true; i++; continue; }
      const j = s.charCodeAt(i);
      if (!isJoiner(j) || i + 1 >= len) break;
      const after = classAt(s, i + 1);
      if (after !== LETTER && after !== DIGIT && astralWordChar(s, i + 1) === 0) break;
      if (j === 64 || j === 95) special = true;
      else if (j === 46 || j === 43) dotOrPlus = true;
      else if (j !== 45) apostrophe = true;
      i++;
    }
    if (special) {
      breakPending = true; // an e-mail address, @handle or user name
      continue;
    }
    if (digit) continue; // numbers are transparent
    let tok = s.slice(start, i);
    if (apostrophe) tok = dropClitic(tok.replace(CURLY_APOSTROPHE, "'"));
    if (dotOrPlus) {
      const parts = tok.split(DOT_OR_PLUS);
      if (TLDS.has(parts[parts.length - 1]) && tok.includes('.')) {
        breakPending = true;
        continue;
      }
      if (!parts.every((p) => p.length <= 2)) {
        // Words run together at a full stop or plus (`gut.schnell`): separate words across a break.
        for (let p = 0; p < parts.length; p++) {
          if ((p > 0 || breakPending) && n > 0) out[n++] = BREAK_WORD;
          breakPending = false;
          out[n++] = parts[p];
        }
        continue;
      }
      // else an abbreviation such as `z.b`, `e.g`, `d.h`: one word
    }
    if (breakPending && n > 0) out[n++] = BREAK_WORD;
    breakPending = false;
    out[n++] = tok;
  }
  return n;
}

/** The words of one short text (with BREAK_WORD at clause breaks). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  out.length = readWords(text, out);
  return out;
}
