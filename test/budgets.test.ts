/**
 * Bundle size budgets (architecture: each custom-function bundle ≤ 150 KB minified, the sidebar
 * ≤ 250 KB). Sizes are deterministic, so unlike the timings of `npm run bench` they are a test:
 * it reads dist/ as `npm run build` left it (`npm test` builds first).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLES, FUNCTIONS_BUDGET, SIDEBAR_BUDGET } from '../bench/budgets.js';

const DIST = path.resolve('dist');
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

describe('bundle budgets', () => {
  it('hold every custom-function bundle to 150 KB and every sidebar bundle to 250 KB', () => {
    const budgeted = BUNDLES.filter((b) => b.budget !== null);
    expect(budgeted.filter((b) => b.budget === FUNCTIONS_BUDGET).map((b) => b.file)).toEqual(['excel-addin/functions.js', 'sheets-addon/KPI.js']);
    expect(budgeted.filter((b) => b.budget === SIDEBAR_BUDGET).map((b) => b.file)).toEqual([
      'sidebar/sidebar.js', 'excel-addin/taskpane.js', 'excel-addin/planner.js', 'sheets-addon/Sidebar.html',
    ]);
  });

  for (const b of BUNDLES.filter((x) => x.budget !== null)) {
    it(`keeps dist/${b.file} (${b.what}) within ${kb(b.budget!)}`, () => {
      const file = path.join(DIST, b.file);
      expect(existsSync(file), `dist/${b.file} is missing: run npm run build`).toBe(true);
      const size = statSync(file).size;
      expect(size, `dist/${b.file} is ${kb(size)}, over its ${kb(b.budget!)} budget`).toBeLessThanOrEqual(b.budget!);
    });
  }
});
