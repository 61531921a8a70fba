// Writes docs/functions.md from the catalog. Run: npm run docs
import { writeFileSync } from 'node:fs';
import { renderFunctionsDoc } from './functions-doc.js';

writeFileSync('docs/functions.md', renderFunctionsDoc());
console.log('wrote docs/functions.md');
