/**
 * Spreadsheet number formats, enough to show cached values the way a spreadsheet would in the
 * preview: sections (`pos;neg;zero;text`), decimals, thousands grouping, percent, quoted literals,
 * dates and times (yyyy mm dd hh mm ss, mmm/mmmm month names), `General` and `@`.
 */
import { civilOfSerial, MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../../core/values/clock.js';

export type Lang = 'en' | 'de';

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

const DATE_TOKEN = /(?:y+|d+|h+|s+|m+)/i;

/** Splits a format section into literal text and format characters (quotes and `\x` are literals). */
function tokens(section: string): { literal: boolean; text: string }[] {
  const out: { literal: boolean; text: string }[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const text = end < 0 ? section.slice(i + 1) : section.slice(i + 1, end);
      out.push({ literal: true, text });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' && i + 1 < section.length) {
      out.push({ literal: true, text: section[++i] });
    } else if (ch === '_' && i + 1 < section.length) {
      out.push({ literal: true, text: ' ' });
      i++;
    } else if (ch === '*' && i + 1 < section.length) {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end; // colours and locales are not shown
    } else {
      out.push({ literal: false, text: ch });
    }
  }
  return out;
}

function isDateFormat(section: string): boolean {
  const code = tokens(section).filter((t) => !t.literal).map((t) => t.text).join('');
  return DATE_TOKEN.test(code) && !/[0#?]/.test(code);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A serial (days since 1899-12-30, wall clock) in a date format. */
export function formatSerial(serial: number, format: string, lang: Lang): string {
  const { y, m, d } = civilOfSerial(Math.floor(serial));
  let secs = Math.round((serial - Math.floor(serial)) * 86_400);
  if (secs >= 86_400) secs = 86_399;
  const hh = Math.floor(secs / 3600);
  const mi = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  const code = tokens(format);
  const ampm = code.some((t) => !t.literal && /[aA]/.test(t.text)) && /AM\/PM/i.test(format);
  let out = '';
  let prevWasHour = false;
  for (let i = 0; i < code.length; i++) {
    const t = code[i];
    if (t.literal) { out += t.text; continue; }
    const ch = t.text.toLowerCase();
    if (!'ydhms'.includes(ch)) { out += t.text; continue; }
    let run = 1;
    while (i + run < code.length && !code[i + run].literal && code[i + run].text.toLowerCase() === ch) run++;
    i += run - 1;
    if (ch === 'y') out += run <= 2 ? pad(y % 100, 2) : String(y);
    else if (ch === 'd') out += run === 1 ? String(d) : pad(d, 2);
    else if (ch === 'h') { const hour = ampm ? ((hh + 11) % 12) + 1 : hh; out += run === 1 ? String(hour) : pad(hour, 2); prevWasHour = true; continue; }
    else if (ch === 's') out += run === 1 ? String(ss) : pad(ss, 2);
    else {
      // "m" after an hour or before seconds is minutes; otherwise the month.
      const rest = code.slice(i + 1).filter((x) => !x.literal).map((x) => x.text.toLowerCase()).join('');
      const minutes = prevWasHour || rest.replace(/[^a-z]/g, '').startsWith('s');
      if (minutes) out += run === 1 ? String(mi) : pad(mi, 2);
      else if (run >= 4) out += MONTHS[lang][m - 1];
      else if (run === 3) out += MONTHS[lang][m - 1].slice(0, 3);
      else out += run === 1 ? String(m) : pad(m, 2);
    }
    prevWasHour = false;
  }
  if (ampm) out = out.replace(/AM\/PM/i, hh < 12 ? 'AM' : 'PM');
  return out;
}

function groupDigits(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A number in a numeric format section (`0.0%`, `#,##0.00`, `0 "h"`). */
function formatNumberSection(value: number, section: string, lang: Lang): string {
  const code = tokens(section);
  const plain = code.filter((t) => !t.literal).map((t) => t.text).join('');
  const percent = plain.includes('%');
  const firstDigit = code.findIndex((t) => !t.literal && /[0#?]/.test(t.text));
  let lastDigit = -1;
  code.forEach((t, i) => { if (!t.literal && /[0#?.,]/.test(t.text)) lastDigit = i; });
  if (firstDigit < 0) return code.map((t) => t.text).join('');
  const numberPart = code.slice(firstDigit, lastDigit + 1).map((t) => t.text).join('');
  const [intPart, fracPart = ''] = numberPart.split('.');
  const decimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const grouping = intPart.includes(',') && /[0#?],[0#?]/.test(intPart);
  // Trailing commas scale by 1000 each.
  const scale = (intPart.match(/,+$/)?.[0].length ?? 0);
  const minInt = (intPart.match(/0/g) ?? []).length;
  const n = Math.abs(value) * (percent ? 100 : 1) / 1000 ** scale;
  let [i, f = ''] = n.toFixed(decimals).split('.');
  // Optional digits (#) drop trailing zeros down to the required ones (0).
  while (f.length > minDecimals && f.endsWith('0')) f = f.slice(0, -1);
  if (i === '0' && minInt === 0) i = '';
  i = i.padStart(minInt, '0');
  const [groupSep, decimalSep] = lang === 'de' ? ['.', ','] : [',', '.'];
  if (grouping) i = groupDigits(i, groupSep);
  const body = f !== '' ? `${i}${decimalSep}${f}` : i;
  const before = code.slice(0, firstDigit).map((t) => t.text).join('');
  const after = code.slice(lastDigit + 1).map((t) => (t.literal ? t.text : t.text === '%' ? (lang === 'de' ? '\u00a0%' : '%') : t.text)).join('');
  return `${before}${body}${after}`;
}

/** A number as `General` shows it: up to 10 significant digits. */
export function formatGeneral(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  let text = abs !== 0 && (abs >= 1e11 || abs < 1e-9) ? value.toExponential(5).replace(/\.?0+e/, 'E') : String(Number(value.toPrecision(10)));
  if (lang === 'de') text = text.replace('.', ',');
  return text;
}

/** A cell value as a spreadsheet with this number format would show it. */
export function formatValue(value: unknown, format: string | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? (lang === 'de' ? 'WAHR' : 'TRUE') : (lang === 'de' ? 'FALSCH' : 'FALSE');
  if (value instanceof Date) {
    const serial = value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
    const fmt = format && isDateFormat(format.split(';')[0]) ? format.split(';')[0] : value.getUTCHours() || value.getUTCMinutes() ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
    return formatSerial(serial, fmt, lang);
  }
  if (typeof value === 'string') {
    const sections = format?.split(';');
    if (sections && sections.length >= 4 && sections[3].includes('@')) {
      return tokens(sections[3]).map((t) => (!t.literal && t.text === '@' ? value : t.text)).join('');
    }
    return value;
  }
  if (typeof value !== 'number') return String(value);
  if (!format || /^general$/i.test(format) || format === '@') return formatGeneral(value, lang);
  const sections = format.split(';');
  let section = sections[0];
  let negativeHasOwnSection = false;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') { section = sections[1]; negativeHasOwnSection = true; }
  else if (value === 0 && sections.length >= 3 && sections[2] !== '') section = sections[2];
  if (isDateFormat(section)) return formatSerial(value, section, lang);
  const text = formatNumberSection(value, section, lang);
  const isZero = /^[^1-9]*$/.test(text);
  return value < 0 && !negativeHasOwnSection && !isZero ? `-${text}` : text;
}

/** A 1-based column number as its letters (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
