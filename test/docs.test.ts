import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_NAMES } from '../core/catalog/index.js';
import { renderFunctionsDoc } from '../scripts/functions-doc.js';

describe('the generated function reference', () => {
  it('lists every catalog function in English and in German', () => {
    const doc = renderFunctionsDoc();
    const [en, de] = doc.split('\n## Deutsch\n');
    for (const name of CATALOG_NAMES) {
      expect(en, name).toContain(`#### \`${name}(`);
      expect(de, name).toContain(`#### \`${name}(`);
    }
    expect(CATALOG.length).toBe(CATALOG_NAMES.length); // every catalog name is implemented
  });
});
