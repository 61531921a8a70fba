/**
 * Header words: header text as comparable words (case, accents and punctuation folded away,
 * filler words dropped) and how well a header matches a phrase of the vocabulary (headers.ts).
 */
import { FILLER_WORDS } from '../headers.js';

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
export function wordScore(h: string, p: string): number {
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
export function matchWords(header: readonly string[], phrase: readonly string[]): number {
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

/** True when any header word stands for one of the words (`weiterempfehlen` in a question). */
export function hasWord(header: readonly string[], words: readonly string[]): boolean {
  for (const h of header) for (const w of words) if (wordScore(h, w) >= 0.8) return true;
  return false;
}
