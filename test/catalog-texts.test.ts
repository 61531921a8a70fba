/**
 * The runtime bundles carry no catalog help texts (they ship in functions.json and the Apps Script
 * JSDoc stubs); the npm package's main export keeps the full catalog. npm test builds dist/ first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findFunction } from '../core/catalog/index.js';

const npsHelp = findFunction('NPS')!.help.en;
const helpSnippet = npsHelp.slice(0, 40);

describe('catalog help texts in the bundles', () => {
  it('are left out of the code that runs in cells and in the Excel task pane', () => {
    for (const file of ['dist/excel-addin/functions.js', 'dist/excel-addin/taskpane.js', 'dist/sheets-addon/KPI.js']) {
      expect(readFileSync(file, 'utf8'), file).not.toContain(helpSnippet);
    }
  });

  it('stay where users read them: functions.json, the German metadata, the Sheets stubs and the package export', () => {
    expect(readFileSync('dist/excel-addin/functions.json', 'utf8')).toContain(findFunction('NPS')!.summary.en);
    expect(readFileSync('dist/excel-addin/functions-de.json', 'utf8')).toContain(findFunction('NPS')!.summary.de);
    expect(readFileSync('dist/sheets-addon/functions.js', 'utf8')).toContain(findFunction('NPS')!.summary.en);
    expect(readFileSync('dist/index.js', 'utf8')).toContain(helpSnippet);
  });
});
