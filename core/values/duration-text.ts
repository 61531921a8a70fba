/**
 * Durations written as text, as exports write them: clock text `h:mm` / `h:mm:ss[.fff]` (read as a
 * spreadsheet reads it), unit text `3h 20m`, `1d 2h`, `2 min`, `134 s`, `134 Sek.` (English and
 * German units, in any order, each once), and ISO 8601 `PT3H20M`, `P1DT2H`. Text durations carry
 * their own unit, so `input_unit` never applies to them. Results are whole milliseconds.
 */
import type { TextProblem } from './text.js';
import { quote } from '../safe-text.js';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** `h:mm`, `h:mm:ss`, `h:mm:ss.fff`, and `m:ss.f` (a decimal second makes the first part minutes, as in Excel). */
const CLOCK = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d+))?$/;

/** One `<number> <unit>` term of unit text. */
const TERM = /(\d+(?:[.,]\d+)?)\s*([a-zäöü]+\.?)\s*,?\s*/gy;

const UNIT_MS: Readonly<Record<string, number>> = {
  w: 7 * MS_PER_DAY, wk: 7 * MS_PER_DAY, wks: 7 * MS_PER_DAY, week: 7 * MS_PER_DAY, weeks: 7 * MS_PER_DAY, woche: 7 * MS_PER_DAY, wochen: 7 * MS_PER_DAY,
  d: MS_PER_DAY, day: MS_PER_DAY, days: MS_PER_DAY, tag: MS_PER_DAY, tage: MS_PER_DAY, tg: MS_PER_DAY,
  h: MS_PER_HOUR, hr: MS_PER_HOUR, hrs: MS_PER_HOUR, hour: MS_PER_HOUR, hours: MS_PER_HOUR, std: MS_PER_HOUR, stunde: MS_PER_HOUR, stunden: MS_PER_HOUR,
  m: MS_PER_MINUTE, min: MS_PER_MINUTE, mins: MS_PER_MINUTE, minute: MS_PER_MINUTE, minutes: MS_PER_MINUTE, minuten: MS_PER_MINUTE,
  s: MS_PER_SECOND, sec: MS_PER_SECOND, secs: MS_PER_SECOND, second: MS_PER_SECOND, seconds: MS_PER_SECOND, sek: MS_PER_SECOND, sekunde: MS_PER_SECOND, sekunden: MS_PER_SECOND,
  ms: 1, msec: 1, millisekunden: 1, milliseconds: 1,
};

const ISO = /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

const num = (s: string): number => Number(s.replace(',', '.'));

export const DURATION_HELP = 'write h:mm:ss (0:02:14), units (3h 20m, 2 min, 134 s) or ISO 8601 (PT3H20M)';

/**
 * A duration text in whole milliseconds; undefined when the text is no duration at all (a header,
 * "n/a"); a problem when it looks like one but cannot be read (`3:75`, `P1M`, `5 parsecs`).
 * Negative durations come back negative (`-0:05`); the reader reports them.
 */
export function parseDurationText(trimmed: string): number | TextProblem | undefined {
  let t = trimmed;
  let sign = 1;
  if (t.charCodeAt(0) === 45 /* - */) {
    sign = -1;
    t = t.slice(1).trimStart();
  }
  const c = t.charCodeAt(0);
  if (c === 80 || c === 112 /* P, p */) {
    if (t.length < 3 || !/^P(?:\d|T\d)/i.test(t)) return undefined;
    const m = ISO.exec(t);
    if (!m || (m[3] === undefined && m[4] === undefined && m[5] === undefined && /T$/i.test(t))) {
      return { problem: /^P[\d.,]*[YM]/i.test(t) ? 'is an ISO 8601 duration in years or months, which have no fixed length; write days (P30D) or hours' : `is not a duration this reads; ${DURATION_HELP}` };
    }
    const ms = (m[1] ? num(m[1]) * 7 * MS_PER_DAY : 0) + (m[2] ? num(m[2]) * MS_PER_DAY : 0) + (m[3] ? num(m[3]) * MS_PER_HOUR : 0)
      + (m[4] ? num(m[4]) * MS_PER_MINUTE : 0) + (m[5] ? num(m[5]) * MS_PER_SECOND : 0);
    return sign * Math.round(ms);
  }
  if (!(c >= 48 && c <= 57)) return undefined;
  const m = CLOCK.exec(t);
  if (m) {
    const a = +m[1], b = +m[2];
    let ms: number;
    if (m[3] !== undefined) {
      // h:mm:ss[.fff]
      const s = +m[3];
      if (b > 59 || s > 59) return { problem: 'is not a valid duration (minutes and seconds run to 59)' };
      ms = a * MS_PER_HOUR + b * MS_PER_MINUTE + s * MS_PER_SECOND;
    } else if (m[4] !== undefined) {
      // m:ss.f — a decimal after two parts makes them minutes and seconds (Excel reads 2:14.5 so).
      if (b > 59) return { problem: 'is not a valid duration (seconds run to 59)' };
      ms = a * MS_PER_MINUTE + b * MS_PER_SECOND;
    } else {
      // h:mm
      if (b > 59) return { problem: 'is not a valid duration (minutes run to 59)' };
      ms = a * MS_PER_HOUR + b * MS_PER_MINUTE;
    }
    if (m[4] !== undefined) ms += Number('0.' + m[4]) * MS_PER_SECOND;
    return sign * Math.round(ms);
  }
  if (t.includes(':')) return { problem: `is not a duration this reads; ${DURATION_HELP}` };
  return unitText(t.toLowerCase(), sign);
}

/** `3h 20m`, `1 Tag 2 Std.`, `134 s`: every term a number with a unit, each unit once. */
function unitText(t: string, sign: number): number | TextProblem | undefined {
  let ms = 0;
  let pos = 0;
  const seen: number[] = [];
  while (pos < t.length) {
    TERM.lastIndex = pos;
    const m = TERM.exec(t);
    if (m === null) return pos === 0 ? undefined : { problem: `is not a duration this reads; ${DURATION_HELP}` };
    const unit = m[2].endsWith('.') ? m[2].slice(0, -1) : m[2];
    const per = Object.prototype.hasOwnProperty.call(UNIT_MS, unit) ? UNIT_MS[unit] : undefined;
    if (per === undefined) return { problem: `is not a duration this reads (unknown unit ${quote(unit)}); ${DURATION_HELP}` };
    if (seen.includes(per)) return { problem: `is not a duration this reads (a unit appears twice); ${DURATION_HELP}` };
    seen.push(per);
    ms += num(m[1]) * per;
    pos = TERM.lastIndex;
  }
  return sign * Math.round(ms);
}
