/**
 * SpreadsheetML's escapes for characters XML cannot hold: `_xHHHH_` is the UTF-16 code unit HHHH
 * (`_x000D_` a carriage return, `_x0001_` a control character) and `_x005F_` escapes the
 * underscore of a literal `_xHHHH_` in the text (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 */

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Text as the cell shows it: every `_xHHHH_` decoded, left to right. */
export function decodeOoxmlText(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Characters XML 1.0 cannot hold, a carriage return (XML turns it into a line feed), and a literal
 * `_xHHHH_` whose underscore must be escaped.
 */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** Text as a part stores it, so that decodeOoxmlText gives it back exactly. */
export function encodeOoxmlText(text: string): string {
  NEEDS_ESCAPE.lastIndex = 0;
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NEEDS_ESCAPE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
