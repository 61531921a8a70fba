/**
 * Files generated from one source (scripts/generated-files.ts) are up to date: the function
 * reference, CATALOG_NAMES, the package's named exports, the README's function table and the
 * scorecard's KPI module index. Run `npm run docs` after changing the catalog or adding a KPI module.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_NAMES } from '../core/catalog/index.js';
import * as pkg from '../core/index.js';
import { KPI_MODULES } from '../core/scorecard/kpis/index.js';
import { currentContent, GENERATED, kpiModuleFiles } from '../scripts/generated-files.js';

describe('generated files', () => {
  for (const file of GENERATED) {
    it(`${file.path} is up to date (run \`npm run docs\`)`, () => {
      const current = currentContent(file);
      expect(current).not.toBe('');
      expect(current).toBe(file.render(current));
    });
  }

  it('name every catalog function once, in catalog order, as the package exports them', () => {
    expect([...CATALOG_NAMES]).toEqual(CATALOG.map((f) => f.name));
    expect(new Set(CATALOG_NAMES).size).toBe(CATALOG_NAMES.length);
    for (const name of CATALOG_NAMES) expect(typeof (pkg as Record<string, unknown>)[name], name).toBe('function');
  });

  it('register every KPI definition module of core/scorecard/kpis', () => {
    expect(KPI_MODULES).toHaveLength(kpiModuleFiles().length);
  });
});
