/**
 * Launching Debian's chromium for browser tests (playwright-core, no downloaded browsers), and
 * starting the preview server as `npm run preview` would, on a free port.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Why browser tests cannot run here, or undefined when they can. Without chromium they are
 * skipped locally (with the reason printed); in CI (process.env.CI set) they must run.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI) return undefined; // let the launch fail loudly
  const reason = `${CHROMIUM} is missing (apt-get install -y chromium); browser tests skipped`;
  console.warn(reason);
  return reason;
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh temporary profile, removed on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'service-kpi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PreviewServer {
  readonly url: string;
  readonly outdir: string;
  stop(): Promise<void>;
}

/** Runs `node scripts/preview.mjs` with PORT=0 (a free port) into a temporary build directory. */
export async function startPreview(timeoutMs = 90_000): Promise<PreviewServer> {
  const outdir = await mkdtemp(path.join(tmpdir(), 'service-kpi-preview-'));
  const child: ChildProcess = spawn(process.execPath, ['scripts/preview.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', PREVIEW_OUT: outdir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(outdir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the preview did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const m = /Preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the preview exited with code ${code}:\n${output}`));
      });
    });
    return { url, outdir, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
