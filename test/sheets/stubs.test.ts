/**
 * The stub generator on catalog texts that could break the generated file: a description that
 * would close the JSDoc comment or start a tag, an argument name JavaScript cannot take, a
 * repeating argument that is not the last.
 */
import { describe, expect, it } from 'vitest';
import { renderStub, renderStubs } from '../../scripts/sheets-stubs.js';
import type { StubSpec } from '../../scripts/sheets-stubs.js';

const spec = (over: Partial<StubSpec> = {}): StubSpec => ({
  name: 'DEMO',
  args: [{ name: 'values', kind: 'range', description: { en: 'Some values', de: 'Werte' } }],
  result: 'scalar',
  unit: 'number',
  summary: { en: 'A demo', de: 'Eine Demo' },
  example: '=KPI.DEMO(A2:A9) → 1',
  ...over,
});

describe('the stub generator', () => {
  it('writes one documented function forwarding its arguments, with the example as Sheets users type it', () => {
    expect(renderStub(spec({
      args: [
        { name: 'values', kind: 'range', description: { en: 'Some values', de: 'Werte' } },
        { name: 'unit', kind: 'text', optional: true, default: '"hours"', description: { en: 'The unit', de: 'Einheit' } },
      ],
    }))).toBe([
      '/**',
      ' * A demo.',
      ' * Example: =DEMO(A2:A9) → 1',
      ' *',
      ' * @param {Array<Array<*>>} values Some values.',
      ' * @param {string} unit The unit. Optional; default "hours".',
      ' * @return {number} A number.',
      ' * @customfunction',
      ' */',
      'function DEMO(values, unit) {',
      "  return KPI.call('DEMO', [values, unit]);",
      '}',
    ].join('\n'));
  });

  it('keeps texts from closing the comment or starting a JSDoc tag', () => {
    const out = renderStub(spec({ summary: { en: 'Counts */ and @handles', de: '' } }));
    expect(out.match(/\*\//g)).toHaveLength(1);
    expect(out).not.toMatch(/ @handles/);
    expect(out).toContain('Counts *\u2215 and \uff20handles');
  });

  it('refuses names JavaScript cannot take and a repeating argument before the last', () => {
    expect(() => renderStub(spec({ args: [{ name: 'default', kind: 'any', description: { en: '', de: '' } }] }))).toThrow(/cannot be a JavaScript parameter name/);
    expect(() => renderStub(spec({ args: [{ name: 'a-b', kind: 'any', description: { en: '', de: '' } }] }))).toThrow(/cannot be a JavaScript parameter name/);
    expect(() => renderStub(spec({
      args: [
        { name: 'args', kind: 'any', repeating: true, description: { en: '', de: '' } },
        { name: 'last', kind: 'any', description: { en: '', de: '' } },
      ],
    }))).toThrow(/only the last argument may repeat/);
    expect(() => renderStubs([spec(), spec()])).toThrow(/DEMO appears twice/);
  });
});
