/**
 * ROUND as Excel and LibreOffice round: half away from zero, on the value as 15 significant digits
 * show it (ROUND(1.005,2) is 1.01 although 1.005 is stored as 1.00499999…).
 */
export function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  let scaled = Math.abs(x) * f;
  // Only a value next to a half can round differently as 15 digits show it (text is slow: rarely).
  const frac = scaled - Math.floor(scaled);
  if (Math.abs(frac - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
  const r = Math.floor(scaled + 0.5) / f;
  return x < 0 ? -r : r;
}
