/**
 * core/scorecard/kpis/index.ts, generated from the files of that folder alone: it imports no KPI
 * definition, so `npm run docs` can write the index first (a module added or removed) and then
 * render the files that read the definitions through it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { HEADER, ROOT, wrapNames } from './generated-text.js';
import type { GeneratedFile } from './generated-text.js';

const KPI_DIR = 'core/scorecard/kpis';
/** The generated index of the KPI definition modules. */
export const KPI_INDEX = `${KPI_DIR}/index.ts`;

/** The definition modules: every .ts file of core/scorecard/kpis except the generated index. */
export function kpiModuleFiles(): string[] {
  return readdirSync(path.join(ROOT, KPI_DIR))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .sort();
}

function kpiIndex(): string {
  const files = kpiModuleFiles();
  const ident = (f: string): string => f.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return [
    HEADER(`the files in ${KPI_DIR}`),
    '/** Every scorecard KPI definition module (their order on the scorecard: kpis.ts sorts by section and order). */',
    "import type { KpiDefinition } from '../definition.js';",
    ...files.map((f) => `import ${ident(f)} from './${f.replace(/\.ts$/, '.js')}';`),
    '',
    'export const KPI_MODULES: readonly KpiDefinition[] = [',
    wrapNames(files.map(ident), ''),
    '];',
    '',
  ].join('\n');
}

export const KPI_INDEX_FILE: GeneratedFile = { path: KPI_INDEX, render: kpiIndex };
