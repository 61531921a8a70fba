/**
 * Output paths that can never destroy an input: each output is compared with every input by its
 * resolved real path (symbolic links followed) and, when it already exists, by device and inode
 * (hard links, case-insensitive file systems). --out and --html must name different files.
 * Output folders that do not exist yet are fine: they are created when the outputs are written.
 * An existing file is replaced only when it is an earlier output of ours: --html only replaces a
 * report this command wrote (recognised by its generator line), so a mistyped --html never eats a
 * document.
 */
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { usageError } from './errors.js';
import { REPORT_GENERATOR } from './html-report.js';

interface Resolved {
  readonly real: string;
  readonly id?: string;
}

async function fileId(p: string): Promise<string | undefined> {
  try {
    const s = await stat(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * The real path of a file that may not exist yet: the nearest existing folder above it resolved
 * (symbolic links followed), the rest appended (missing folders are created when writing).
 */
async function resolveTarget(file: string, flag: string): Promise<Resolved> {
  const abs = path.resolve(file);
  try {
    return { real: await realpath(abs), id: await fileId(abs) };
  } catch {
    let dir = path.dirname(abs);
    const rest = [path.basename(abs)];
    for (;;) {
      try {
        const real = await realpath(dir);
        if (!(await stat(real)).isDirectory()) throw usageError(`${flag} ${file}: ${dir} is a file, not a folder`);
        return { real: path.join(real, ...rest) };
      } catch (e) {
        if ((e as { exitCode?: number }).exitCode !== undefined) throw e;
        const parent = path.dirname(dir);
        if (parent === dir) throw usageError(`${flag} ${file}: no folder of this path exists`);
        rest.unshift(path.basename(dir));
        dir = parent;
      }
    }
  }
}

async function resolveInput(file: string): Promise<Resolved | undefined> {
  const abs = path.resolve(file);
  try {
    return { real: await realpath(abs), id: await fileId(abs) };
  } catch {
    return undefined; // a missing input is reported by its reader
  }
}

async function isOurReport(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(2048);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return head.subarray(0, bytesRead).toString('utf8').includes(REPORT_GENERATOR);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

const same = (a: Resolved, b: Resolved): boolean => a.real === b.real || (a.id !== undefined && a.id === b.id);

export async function checkOutputPaths(inputs: readonly string[], outputs: readonly { readonly flag: string; readonly file: string }[]): Promise<void> {
  const resolvedInputs = await Promise.all(inputs.map(async (f) => ({ file: f, r: await resolveInput(f) })));
  const resolvedOutputs: { flag: string; file: string; r: Resolved }[] = [];
  for (const o of outputs) {
    const r = await resolveTarget(o.file, o.flag);
    try {
      if ((await stat(r.real)).isDirectory()) throw usageError(`${o.flag} ${o.file} is a folder; give a file name`);
    } catch (e) {
      if ((e as { exitCode?: number }).exitCode !== undefined) throw e;
    }
    for (const i of resolvedInputs) {
      if (i.r && same(r, i.r)) throw usageError(`${o.flag} ${o.file} is the input ${i.file}; the input is never overwritten, choose another output file`);
    }
    if (o.flag === '--html' && r.id !== undefined && !(await isOurReport(r.real))) {
      throw usageError(`--html ${o.file} already exists and is not a report written by service-kpi; it is never overwritten, choose another file name`);
    }
    for (const p of resolvedOutputs) {
      if (same(r, p.r)) throw usageError(`${p.flag} and ${o.flag} name the same file (${o.file}); give them different names`);
    }
    resolvedOutputs.push({ ...o, r });
  }
}
