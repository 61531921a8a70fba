/**
 * The licence check of what we ship (scripts/licenses.mjs, `npm run licenses`): SPDX expressions are
 * judged as a lawyer would read them — an OR needs one allowed option (a dual-licensed package counts
 * by its permissive one), an AND needs every part — and the real dependency tree passes.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { declaredLicense, judge } from '../../scripts/licenses.mjs';

type Judged = { ok: boolean; counted: string };
const j = judge as (e: string) => Judged;

describe('judging a licence expression', () => {
  it('accepts permissive licences and counts a dual licence by its permissive option', () => {
    expect(j('MIT')).toEqual({ ok: true, counted: 'MIT' });
    expect(j('(MIT OR GPL-3.0-or-later)')).toEqual({ ok: true, counted: 'MIT' });
    expect(j('GPL-2.0-only OR Apache-2.0')).toEqual({ ok: true, counted: 'Apache-2.0' });
    expect(j('(MIT AND Zlib)')).toEqual({ ok: true, counted: 'MIT AND Zlib' });
    expect(j('Apache-2.0 WITH LLVM-exception')).toEqual({ ok: true, counted: 'Apache-2.0' });
    expect(j('MIT/X11')).toEqual({ ok: true, counted: 'MIT' });
  });

  it('refuses GPL-only, copyleft in an AND, and a missing licence', () => {
    expect(j('GPL-3.0-only').ok).toBe(false);
    expect(j('AGPL-3.0-or-later').ok).toBe(false);
    expect(j('LGPL-2.1-only').ok).toBe(false);
    expect(j('MIT AND GPL-2.0-only').ok).toBe(false);
    expect(j('(GPL-2.0-only OR LGPL-3.0-only)').ok).toBe(false);
    expect(j('').ok).toBe(false);
    expect(j('UNLICENSED').ok).toBe(false);
  });

  it('reads legacy licence fields', () => {
    const d = declaredLicense as (pkg: unknown) => string;
    expect(d({ license: { type: 'MIT', url: 'x' } })).toBe('MIT');
    expect(d({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe('(MIT OR Apache-2.0)');
    expect(d({})).toBe('');
  });
});

describe('npm run licenses on this repository', () => {
  it('finds only allowed licences in what we bundle and in the runtime dependencies', () => {
    const out = execFileSync(process.execPath, ['scripts/licenses.mjs', '--json'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const rows = JSON.parse(out) as { name: string; ok: boolean; counted: string; where: string[] }[];
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    // zod is bundled into our files; exceljs and jszip (MIT OR GPL-3.0) are runtime dependencies.
    expect(rows.find((r) => r.name === 'zod')?.where.some((w) => w.startsWith('bundled in'))).toBe(true);
    expect(rows.find((r) => r.name === 'jszip')?.counted).toBe('MIT');
    expect(rows.find((r) => r.name === 'exceljs')?.where).toContain('runtime dependency');
  }, 60_000);
});
