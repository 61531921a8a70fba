/**
 * Compensated summation (Neumaier's improvement of Kahan's algorithm: A. Neumaier 1974,
 * "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen", ZAMM 54). LibreOffice
 * sums this way (its KahanSum), so cached values of SUM, SUMIFS, AVERAGEIFS and SUMPRODUCT agree
 * with its recalculation to the last digits instead of drifting with the number of rows.
 */
export class Sum {
  private s = 0;
  private c = 0;

  add(x: number): void {
    const s = this.s;
    const t = s + x;
    this.c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

/** The compensated sum of an array of numbers. */
export function sumOf(xs: ArrayLike<number>): number {
  let s = 0, c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}
