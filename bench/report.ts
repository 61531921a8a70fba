/** Plain-text tables for the benchmark's output. */

export interface Check {
  readonly section: string;
  readonly figure: string;
  readonly measured: string;
  readonly target: string;
  /** null: not measured (a bundle or tool was missing) — counts as not met. */
  readonly met: boolean | null;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[], rightAlign: readonly boolean[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((s, c) => (rightAlign[c] ? (s ?? '').padStart(widths[c]) : (s ?? '').padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function ms(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function ratio(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${x >= 100 ? x.toFixed(0) : x.toFixed(digits)}×`;
}

export function kb(bytes: number | null): string {
  return bytes === null ? 'missing' : `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function rowsLabel(n: number): string {
  return n === 1_048_576 ? '1,048,576' : n >= 1000 ? `${n / 1000}k` : String(n);
}

export function verdict(met: boolean | null): string {
  return met === null ? 'NOT MEASURED' : met ? 'met' : 'MISSED';
}

export function checksTable(checks: readonly Check[]): string {
  return table(
    ['section', 'figure', 'measured', 'target', 'result'],
    checks.map((c) => [c.section, c.figure, c.measured, c.target, verdict(c.met)]),
  );
}
