/**
 * Writing outputs so that a failure never leaves a half-written file: each output goes to a
 * temporary file in the same directory (same file system, so the rename is atomic), is flushed to
 * disk, and only when every output is ready are they renamed into place. On any error the
 * temporary files are removed and the old outputs, if any, stay as they were.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface PendingFile {
  readonly target: string;
  readonly temp: string;
}

export function tempNameFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `data` to a new temporary file beside `target`. */
export async function writeTemp(target: string, data: Uint8Array | string): Promise<PendingFile> {
  const temp = tempNameFor(target);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return { target, temp };
}

export async function discard(files: readonly PendingFile[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.temp, { force: true }).catch(() => undefined)));
}

/**
 * Writes every output atomically: missing folders first, then all temporary files, then the
 * renames. Throws the first error after removing every temporary file.
 */
export async function writeAllAtomically(outputs: readonly { readonly target: string; readonly data: Uint8Array | string }[]): Promise<void> {
  const pending: PendingFile[] = [];
  try {
    for (const o of outputs) await mkdir(path.dirname(path.resolve(o.target)), { recursive: true });
    for (const o of outputs) pending.push(await writeTemp(o.target, o.data));
    for (const p of pending) await rename(p.temp, p.target);
  } catch (e) {
    await discard(pending);
    throw e;
  }
}
