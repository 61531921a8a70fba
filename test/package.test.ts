/**
 * The package's main export as a user imports it: the built ES module in dist/ (npm test builds
 * first). Also keeps the README's commands and .ci/run in step.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG_NAMES } from '../core/catalog/index.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const mainFile = pkg.exports['.'].import as string;

describe('the package main export', () => {
  it('is built as an ES module', () => {
    expect(pkg.name).toBe('service-kpi');
    expect(existsSync(mainFile), `${mainFile} (run npm run build)`).toBe(true);
  });

  it('computes the catalog NPS example (60×10, 25×8, 15×3) as 45 in a fresh node process', () => {
    const script = `import(${JSON.stringify(pathToFileURL(mainFile).href)}).then((m) => {
      const scores = [['Score'], ...Array(60).fill([10]), ...Array(25).fill([8]), ...Array(15).fill([3]), [null], ['']];
      console.log(m.NPS(scores));
    })`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()).toBe('45');
  });

  it('exports every catalog function under its name, the catalog and forTimeZone', async () => {
    const m = await import(pathToFileURL(mainFile).href);
    for (const name of CATALOG_NAMES) expect(typeof m[name], name).toBe('function');
    expect(m.catalog.map((c: { name: string }) => c.name)).toEqual([...CATALOG_NAMES]);
    expect(m.catalog[0].help.de).toMatch(/Promotoren|Promoter/);
    // A Date at 22:30 UTC on 31 March is 1 April 00:30 in Berlin: Q2 there, Q1 in UTC.
    const dates = [[new Date('2026-03-31T22:30:00Z')]];
    expect(m.NPS_TREND([[10]], dates, 'quarter')[1][0]).toBe('2026-Q1');
    expect(m.forTimeZone('Europe/Berlin').NPS_TREND([[10]], dates, 'quarter')[1][0]).toBe('2026-Q2');
  });

  it('throws the core error type with a kind and a message naming the value and row', async () => {
    const m = await import(pathToFileURL(mainFile).href);
    let err: { name?: string; kind?: string; message?: string } = {};
    try {
      m.NPS([[9], [10], [8], [11]]);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.name).toBe('KpiError');
    expect(err.kind).toBe('value');
    expect(err.message).toBe('NPS: 11 at row 4 is not a score from 0 to 10');
    expect(() => m.forTimeZone('Mars/Olympus')).toThrow(/unknown time zone/);
  });
});

describe('the README and CI', () => {
  const readme = readFileSync('README.md', 'utf8');
  const commands = [...readme.matchAll(/^(npm ci && [^\n#]+?)\s*(?:#.*)?$/gm)].map((m) => m[1].trim());

  it('opens with the two commands a newcomer needs: the main job and the tests', () => {
    expect(commands.length).toBeGreaterThanOrEqual(2);
    expect(commands[0]).toBe('npm ci && npm run demo');
    expect(commands[1]).toBe('npm ci && npm test');
    expect(pkg.scripts.demo, 'npm run demo exists').toBeTruthy();
  });

  it('.ci/run runs exactly the README test command', () => {
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci.split('\n').filter((l) => !l.startsWith('#')).join('\n')).toContain(commands[1]);
  });
});
