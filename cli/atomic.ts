/**
 * Writing outputs so that a failure never leaves a half-written file: each output goes to a
 * temporary file in the same directory (same file system, so the rename is atomic), is flushed to
 * disk, and only when every output is ready are they renamed into place. On any error the
 * temporary files are removed and the old outputs, if any, stay as they were; on SIGINT or SIGTERM
 * too (the process then ends with 130 or 143, as a shell expects). Errors name the output the user
 * asked for, never the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export type OutputData = Uint8Array | string | AsyncIterable<Uint8Array | string>;

export interface PendingFile {
  readonly target: string;
  readonly temp: string;
}

/** A failed output: the file the user named and what went wrong. */
export class OutputError extends Error {
  constructor(readonly target: string, override readonly cause: unknown) {
    super(`${target}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'OutputError';
  }
}

export function tempNameFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Temporary files that exist right now, removed by the signal handlers. */
const live = new Set<string>();
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;
let handlers: { signal: NodeJS.Signals; handler: () => void }[] = [];

function guardSignals(): void {
  if (handlers.length > 0) return;
  handlers = (Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]).map((signal) => {
    const handler = (): void => {
      for (const temp of live) rmSync(temp, { force: true });
      live.clear();
      process.stderr.write(`service-kpi: stopped by ${signal}; no output was written\n`);
      process.exit(SIGNALS[signal]);
    };
    process.on(signal, handler);
    return { signal, handler };
  });
}

function releaseSignals(): void {
  for (const { signal, handler } of handlers) process.off(signal, handler);
  handlers = [];
}

/** Writes `data` to a new temporary file beside `target`. */
export async function writeTemp(target: string, data: OutputData): Promise<PendingFile> {
  const temp = tempNameFor(target);
  live.add(temp);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (e) {
    live.delete(temp);
    throw new OutputError(target, e);
  }
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else for await (const chunk of data) await handle.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    await handle.sync();
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    live.delete(temp);
    throw new OutputError(target, e);
  }
  return { target, temp };
}

export async function discard(files: readonly PendingFile[]): Promise<void> {
  await Promise.all(files.map(async (f) => {
    await rm(f.temp, { force: true }).catch(() => undefined);
    live.delete(f.temp);
  }));
}

/**
 * Writes every output atomically: missing folders first, then all temporary files, then the
 * renames. Throws an OutputError for the first failure after removing every temporary file.
 */
export async function writeAllAtomically(outputs: readonly { readonly target: string; readonly data: OutputData }[]): Promise<void> {
  const pending: PendingFile[] = [];
  guardSignals();
  try {
    for (const o of outputs) {
      try {
        await mkdir(path.dirname(path.resolve(o.target)), { recursive: true });
      } catch (e) {
        throw new OutputError(o.target, e);
      }
    }
    for (const o of outputs) pending.push(await writeTemp(o.target, o.data));
    for (const p of pending) {
      try {
        await rename(p.temp, p.target);
        live.delete(p.temp);
      } catch (e) {
        throw new OutputError(p.target, e);
      }
    }
  } catch (e) {
    await discard(pending);
    throw e;
  } finally {
    releaseSignals();
  }
}
