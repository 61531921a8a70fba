// Writes every generated file (docs/functions.md, name lists, package exports, the README's function
// table, the KPI module index, docs/cli.md's KPI ids) from its one source. Run: npm run docs
import { writeFileSync } from 'node:fs';
import { currentContent } from './generated-text.js';
import type { GeneratedFile } from './generated-text.js';
import { KPI_INDEX_FILE } from './kpi-index.js';

function write(file: GeneratedFile): void {
  const current = currentContent(file);
  const next = file.render(current);
  if (next !== current) {
    writeFileSync(file.path, next);
    console.log(`wrote ${file.path}`);
  }
}

// The KPI index first, from the folder's files alone: the other files read the KPI definitions
// through it, so they are imported only once it lists every module there is.
write(KPI_INDEX_FILE);
const { GENERATED } = await import('./generated-files.js');
for (const file of GENERATED) write(file);
