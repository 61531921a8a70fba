/**
 * Text from the user's data and files, made safe where it goes: into a cell (never a formula) and
 * into a message (never a terminal command, never reordered, never unbounded). The one source for
 * both: the core's error messages, the scorecard's notes, the command line's notes, errors, table,
 * JSON and HTML, and the sidebar quote text through `quote` here.
 *
 * Cells: a host that parses what it writes (Sheets `setValues`, Excel `range.values`, a CSV
 * consumer) reads text starting with `=`, `+`, `-` or `@` as a formula — also after leading
 * spaces, tabs or line breaks — so such text gets a leading apostrophe, the spreadsheet's own
 * "this is text" mark (the apostrophe is not shown in the cell). This is the OWASP CSV-injection
 * rule; it also keeps `-1+2` from turning into 1.
 *
 * Messages: control characters (C0 with DEL, C1), bidirectional formatting (U+061C, U+200E/F,
 * U+202A–U+202E, U+2066–U+2069), line and paragraph separators, zero-width characters and
 * unpaired surrogates are written as escapes (`\u001B`, `\u202E`): an OSC 52 sequence cannot write
 * the clipboard, an OSC 8 sequence cannot hide a link, a CSI sequence cannot move the cursor, and
 * U+202E cannot turn `exe.txt` around. Quoted text is cut to 40 characters.
 */

const FORMULA_START = /^[ \t\r\n]*[=+\-@]/;

/** True when a host would read `text` as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** `text` as it is safe to write into a cell: with a leading apostrophe when it looks like a formula. */
export function neutralise(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** The longest text a message quotes (longer text is cut and ends in "…"). */
export const QUOTE_LIMIT = 40;

/** Characters that must not reach a terminal or a page as they are (see above). */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The same, except line breaks and tabs: what multi-line output (notes, the table) may keep. */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What JSON.stringify leaves unescaped of UNSAFE (it escapes C0 and unpaired surrogates itself). */
const UNSAFE_IN_JSON = /[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  return SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every unsafe character written as an escape; nothing cut, no quotes added. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * Whole output as the command line writes it: unsafe characters escaped, line breaks and tabs
 * kept. The last line of defence at the terminal; the text in it was quoted where it came in.
 */
export function printableLines(text: string): string {
  return text.replace(UNSAFE_IN_LINES, escapeOne);
}

/** The first `max` characters of `text`, never half a surrogate pair, with "…" when cut. */
export function shorten(text: string, max = QUOTE_LIMIT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Text from data or a file as a message quotes it: in quotes ("…" in English, „…“ in German),
 * cut to 40 characters, with quotes, backslashes and unsafe characters escaped
 * (`"Score\u202Egnp.exe"`).
 */
export function quote(text: string, lang: 'en' | 'de' = 'en'): string {
  const short = shorten(text);
  if (lang === 'de') return `„${printable(short.replace(/\\/g, '\\\\'))}“`;
  return `"${printable(short.replace(/[\\"]/g, (c) => `\\${c}`))}"`;
}

/** Several texts quoted and joined by ", ": at most `max` of them, then "… (n more)". */
export function quoteList(texts: readonly string[], max = 12, lang: 'en' | 'de' = 'en'): string {
  const shown = texts.slice(0, max).map((t) => quote(t, lang)).join(', ');
  return texts.length > max ? `${shown}, … (${texts.length - max} more)` : shown;
}

/**
 * JSON text (as JSON.stringify writes it) with the unsafe characters JSON leaves as they are (C1,
 * bidirectional formatting, separators) written as `\uXXXX` escapes: the same JSON value, safe to
 * print.
 */
export function printableJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, escapeOne);
}
