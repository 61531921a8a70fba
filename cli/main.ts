/**
 * The command line's entry: `main(argv)` parses the arguments, runs the command and returns the
 * exit code (0 written, 1 input problem, 2 usage problem). Every failure is ONE line on stderr,
 * `service-kpi: …`; set SERVICE_KPI_DEBUG=1 to see the stack of an unexpected error.
 * bin/service-kpi.js imports the bundle of this file (dist/cli.js) and calls main.
 */
import { readFileSync } from 'node:fs';
import { printableLines, shorten } from '../core/safe-text.js';
import { USAGE, machineTimeZone, parseCommandLine } from './args.js';
import { EXIT_INPUT, EXIT_OK, isCliError, oneLine } from './errors.js';
import type { Io } from './run.js';
import { runScorecard } from './run.js';
import { runDetect } from './detect.js';

declare const __SERVICE_KPI_VERSION__: string | undefined;

/** The package version: set by the build; read from package.json when run from source. */
export function version(): string {
  if (typeof __SERVICE_KPI_VERSION__ === 'string') return __SERVICE_KPI_VERSION__;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const defaultIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => new Date(),
});

export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.command === 'help') {
      io.stdout.write(USAGE.replace('{tz}', machineTimeZone()));
      return EXIT_OK;
    }
    if (command.command === 'version') {
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    if (command.command === 'detect') await runDetect(command, io);
    else await runScorecard(command, io);
    return EXIT_OK;
  } catch (e) {
    if (isCliError(e)) {
      io.stderr.write(printableLines(`service-kpi: ${oneLine(e.message)}\n`));
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(printableLines(`service-kpi: internal error: ${oneLine(shorten(message, 300))} (please report it; SERVICE_KPI_DEBUG=1 shows details)\n`));
    if (io.env.SERVICE_KPI_DEBUG && e instanceof Error && e.stack) io.stderr.write(printableLines(`${e.stack}\n`));
    return EXIT_INPUT;
  }
}
