// Writes every generated file (docs/functions.md, name lists, package exports, the README's function
// table, the KPI module index) from its one source. Run: npm run docs
import { writeFileSync } from 'node:fs';
import { currentContent, GENERATED } from './generated-files.js';

for (const file of GENERATED) {
  const current = currentContent(file);
  const next = file.render(current);
  if (next !== current) {
    writeFileSync(file.path, next);
    console.log(`wrote ${file.path}`);
  }
}
