// Lists the third-party code we ship and its licences, and fails on one we may not ship.
//
//   node scripts/licenses.mjs [--json] [--markdown]          (npm run licenses)
//
// What we ship:
//   1. code esbuild bundles into our files — found from esbuild's metafile of every bundle, built
//      again here in memory with the same entry points (nothing is written);
//   2. the package's runtime dependencies — `npm ls --omit=dev --all --json --long`, the production
//      tree an `npm install service-kpi` pulls in (exceljs and everything under it, zod).
// Each package's licence is read from its package.json (`license`, or the legacy `licenses` list)
// and judged as an SPDX expression: every part of an AND must be allowed, one option of an OR is
// enough (a dual-licensed package counts by its permissive option, e.g. jszip's
// "MIT OR GPL-3.0-or-later" counts as MIT). GPL, AGPL, LGPL and other strong copyleft licences,
// and packages that declare no licence, are not allowed: the script then exits with code 1.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Permissive licences (and MPL-2.0, file-level copyleft: fine to ship unmodified, listed as such). */
export const ALLOWED = new Map([
  ['MIT', 'permissive'], ['MIT-0', 'permissive'], ['ISC', 'permissive'], ['0BSD', 'permissive'],
  ['BSD-2-Clause', 'permissive'], ['BSD-3-Clause', 'permissive'], ['Apache-2.0', 'permissive'],
  ['Unlicense', 'public domain'], ['CC0-1.0', 'public domain'], ['WTFPL', 'permissive'],
  ['BlueOak-1.0.0', 'permissive'], ['Zlib', 'permissive'], ['Python-2.0', 'permissive'],
  ['CC-BY-3.0', 'attribution'], ['CC-BY-4.0', 'attribution'], ['MPL-2.0', 'weak copyleft (file level)'],
]);

/** Non-SPDX spellings found in our tree, and the SPDX id they stand for. */
export const ALIASES = new Map([
  // The X11 licence is the MIT licence; substack's packages (chainsaw, buffers) write it this way.
  ['MIT/X11', 'MIT'],
]);

/**
 * Packages whose package.json declares no licence, checked by hand: the licence and where it is
 * stated. A new version of such a package is not covered and fails until checked again.
 */
export const REVIEWED = new Map([
  ['buffers@0.1.1', {
    license: 'MIT',
    source: 'LICENSE in github.com/substack/node-buffers ("The MIT License", (c) 2010 James Halliday); its later package.json declares "MIT/X11"',
  }],
]);

/** Bundles as the builds make them (entry points and platform; other options do not change the inputs). */
export const BUNDLES = [
  { name: 'excel-addin/functions.js', entry: 'excel-addin/functions.ts', platform: 'browser' },
  { name: 'excel-addin/taskpane.js', entry: 'excel-addin/taskpane.ts', platform: 'browser' },
  { name: 'sheets-addon/KPI.js', entry: 'sheets-addon/functions.ts', platform: 'browser' },
  { name: 'sheets-addon/Server.js', entry: 'sheets-addon/server.ts', platform: 'browser' },
  { name: 'sheets-addon/Sidebar.html', entry: 'sheets-addon/sidebar-client.ts', platform: 'browser' },
  { name: 'sidebar/sidebar.js', entry: 'sidebar/entry.ts', platform: 'browser' },
  { name: 'cli.js', entry: 'cli/main.ts', platform: 'node', external: ['exceljs'] },
  { name: 'index.js', entry: 'core/index.ts', platform: 'neutral' },
];

// ------------------------------------------------------------------ SPDX expressions

/** Tokens of an SPDX expression: ids, AND, OR, WITH, parentheses. */
function tokens(expr) {
  return expr.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').split(/\s+/).filter(Boolean);
}

/**
 * Judges an SPDX expression: `{ ok, counted }` where `counted` is the licence (or AND of licences)
 * the package is shipped under. OR picks the first allowed option; AND needs every part allowed.
 * `X WITH exception` is judged by X. `-or-later` / `+` suffixes keep their family.
 */
export function judge(expression) {
  const t = tokens(expression);
  let i = 0;
  const primary = () => {
    if (t[i] === '(') {
      i++;
      const r = orExpr();
      i++; // ')'
      return r;
    }
    const id = t[i++] ?? '';
    if (t[i] === 'WITH') i += 2;
    const bare = ALIASES.get(id) ?? id.replace(/\+$/, '');
    return ALLOWED.has(bare) ? { ok: true, counted: bare } : { ok: false, counted: id };
  };
  const andExpr = () => {
    let left = primary();
    while (t[i] === 'AND') {
      i++;
      const right = primary();
      left = { ok: left.ok && right.ok, counted: `${left.counted} AND ${right.counted}` };
    }
    return left;
  };
  const orExpr = () => {
    let left = andExpr();
    while (t[i] === 'OR') {
      i++;
      const right = andExpr();
      left = left.ok ? left : right.ok ? right : { ok: false, counted: `${left.counted} OR ${right.counted}` };
    }
    return left;
  };
  if (t.length === 0) return { ok: false, counted: 'none declared' };
  return orExpr();
}

/** The licence a package.json declares, as one SPDX expression (legacy forms normalised). */
export function declaredLicense(pkg) {
  const l = pkg.license ?? pkg.licenses;
  if (typeof l === 'string') return l.trim();
  if (l && typeof l === 'object' && !Array.isArray(l) && typeof l.type === 'string') return l.type;
  if (Array.isArray(l)) {
    const types = l.map((x) => (typeof x === 'string' ? x : x?.type)).filter(Boolean);
    return types.length > 1 ? `(${types.join(' OR ')})` : types[0] ?? '';
  }
  return '';
}

// ------------------------------------------------------------------ what we ship

/** `node_modules/a/node_modules/@b/c/lib/x.js` → the package directory of @b/c. */
function packageDirOf(file) {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const scoped = parts[at + 1]?.startsWith('@');
  return parts.slice(0, at + (scoped ? 3 : 2)).join('/');
}

/** Packages whose files esbuild puts into each bundle: package dir → bundle names. */
async function bundledPackages() {
  const out = new Map();
  for (const b of BUNDLES) {
    if (!existsSync(path.join(ROOT, b.entry))) continue;
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [b.entry],
      bundle: true,
      format: b.platform === 'node' ? 'esm' : 'iife',
      platform: b.platform,
      external: b.external ?? [],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    for (const input of Object.keys(result.metafile.inputs)) {
      const dir = packageDirOf(input);
      if (!dir) continue;
      if (!out.has(dir)) out.set(dir, new Set());
      out.get(dir).add(b.name);
    }
  }
  return out;
}

/** The production dependency tree: package dir → { name, version }. */
function productionTree() {
  const json = execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const tree = JSON.parse(json);
  const out = new Map();
  const walk = (deps, via) => {
    for (const [name, d] of Object.entries(deps ?? {})) {
      if (!d.path || out.has(d.path)) continue;
      out.set(d.path, { name, version: d.version, via });
      walk(d.dependencies, via ?? name);
    }
  };
  walk(tree.dependencies, undefined);
  return out;
}

export async function listLicenses() {
  const bundled = await bundledPackages();
  const runtime = productionTree();
  const rows = new Map();
  const add = (dir, where) => {
    const abs = path.resolve(ROOT, dir);
    const pkgFile = path.join(abs, 'package.json');
    if (!existsSync(pkgFile)) return;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    const key = `${pkg.name}@${pkg.version}`;
    const reviewed = REVIEWED.get(key);
    const declared = declaredLicense(pkg) || (reviewed ? reviewed.license : '');
    const row = rows.get(key) ?? { name: pkg.name, version: pkg.version, declared, where: new Set(), ...(reviewed ? { note: `no licence in package.json; ${reviewed.source}` } : {}) };
    for (const w of where) row.where.add(w);
    rows.set(key, row);
  };
  for (const [dir, names] of bundled) add(dir, [...names].map((n) => `bundled in ${n}`));
  for (const [dir, info] of runtime) add(dir, [info.via ? `runtime dependency (via ${info.via})` : 'runtime dependency']);
  return [...rows.values()]
    .map((r) => ({ ...r, where: [...r.where].sort(), ...judge(r.declared || '') }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

// ------------------------------------------------------------------ command line

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const rows = await listLicenses();
  const bad = rows.filter((r) => !r.ok);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (process.argv.includes('--markdown')) {
    process.stdout.write('| package | version | licence | shipped as | where |\n|---|---|---|---|---|\n');
    for (const r of rows) process.stdout.write(`| ${r.name} | ${r.version} | ${r.declared || '—'} | ${r.ok ? r.counted : 'NOT ALLOWED'} | ${r.where.join('; ')} |\n`);
  } else {
    const w = (k) => Math.max(...rows.map((r) => String(k(r)).length), 8);
    const cols = [(r) => r.name, (r) => r.version, (r) => r.declared || '—', (r) => (r.ok ? r.counted : 'NOT ALLOWED')];
    const widths = cols.map(w);
    for (const r of rows) {
      const where = r.where.some((x) => x.startsWith('bundled')) ? r.where.filter((x) => x.startsWith('bundled')).join(', ') : r.where[0];
      process.stdout.write(`${cols.map((c, i) => String(c(r)).padEnd(widths[i])).join('  ')}  ${where}\n`);
    }
    const bundledCount = rows.filter((r) => r.where.some((x) => x.startsWith('bundled'))).length;
    process.stdout.write(`\n${rows.length} packages (${bundledCount} bundled into our files, the rest runtime dependencies of the CLI/package); `);
    process.stdout.write(bad.length === 0 ? 'every licence allowed.\n' : `${bad.length} NOT ALLOWED.\n`);
    for (const r of rows.filter((x) => x.note)) process.stdout.write(`note: ${r.name}@${r.version}: ${r.note}\n`);
    for (const r of rows.filter((x) => x.ok && x.counted !== x.declared)) process.stdout.write(`note: ${r.name}@${r.version} is "${r.declared}"; shipped under ${r.counted}\n`);
  }
  if (bad.length > 0) {
    for (const r of bad) process.stderr.write(`licenses: ${r.name}@${r.version} is licensed "${r.declared || 'none declared'}", which we may not ship (${r.where.join('; ')})\n`);
    process.exitCode = 1;
  }
}
