/**
 * Files generated from one source (scripts/generated-files.ts) are up to date: the function
 * reference, CATALOG_NAMES, the package's named exports, the README's function table, the
 * scorecard's KPI module index and docs/cli.md's table of KPI ids. Run `npm run docs` after
 * changing the catalog or a KPI definition, or adding a KPI module.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_NAMES } from '../core/catalog/index.js';
import * as pkg from '../core/index.js';
import { KPI_IDS } from '../core/scorecard/kpis.js';
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

  it('list every KPI id once in docs/cli.md, in scorecard order, with its target range', () => {
    const doc = readFileSync('docs/cli.md', 'utf8');
    const table = doc.slice(doc.indexOf('<!-- kpi-ids:'), doc.indexOf('<!-- /kpi-ids -->'));
    const ids = [...table.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]);
    expect(ids).toEqual([...KPI_IDS]);
    expect(table).toContain('| `competitorGap` | NPS gap to competitors | strategic | NPS points | from -200 to 200 | 0 | higher |');
    expect(table).toContain('| `csat` | Customer satisfaction (CSAT) | operational | share (fraction) | from 0 to 1 | 0.8 | higher |');
  });
});
