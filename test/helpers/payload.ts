/**
 * The size of a value as JSON in UTF-8, counted without building the JSON text (a 2.4-million-cell
 * grid would make a 40 MB string). Office.js sends requests and responses as JSON, so the Excel
 * fake measures its 5 MB limits with this; the Apps Script fakes use it for "bytes moved".
 * Browser-safe (the Excel fake is also bundled into a page).
 */

/** UTF-8 bytes of a string as a JSON string literal (quotes and escapes included). */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += c === 0x0a || c === 0x0d || c === 0x09 || c === 0x08 || c === 0x0c ? 2 : 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of `JSON.stringify(value)` (Dates as their ISO text, undefined in arrays as null). */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'number': return Number.isFinite(value) ? String(value).length : 4;
    case 'string': return jsonStringBytes(value);
    case 'boolean': return value ? 4 : 5;
    default: break;
  }
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const v of value) n += jsonBytes(v);
    return n;
  }
  if (Object.prototype.toString.call(value) === '[object Date]') return 26;
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? 4 : utf8Bytes(text);
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string as it is. */
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}
