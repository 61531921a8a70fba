/**
 * The command line's two kinds of failure and how they reach the user: ONE line on stderr,
 * `service-kpi: …`, and an exit code a scheduler can act on.
 *
 *   0  the scorecard was written
 *   1  an input problem (missing, damaged or protected file, malformed CSV, nothing recognisable)
 *   2  a usage problem (unknown option, missing --out, clashing paths)
 */

import { printableLines } from '../core/safe-text.js';

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong: `service-kpi --help` explains it. */
export function usageError(message: string): CliError {
  return new CliError(EXIT_USAGE, message);
}

/** An input file cannot be used as it is. */
export function inputError(message: string): CliError {
  return new CliError(EXIT_INPUT, message);
}

export function isCliError(e: unknown): e is CliError {
  return e instanceof CliError;
}

/** A message squeezed onto one line (stderr lines are what schedulers mail and log). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * A note as stderr shows it, `note: …` on one line, made printable: notes carry text from the data
 * (headers, sheet names, cells), so every path that prints one goes through here.
 */
export function noteLine(note: string): string {
  return printableLines(`note: ${oneLine(note)}\n`);
}

/** What a Node file-system error means for a path, in words. */
export function describeFsError(e: unknown, file: string): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT': return `${file}: no such file`;
    case 'EISDIR': return `${file} is a directory, not a file`;
    case 'EACCES':
    case 'EPERM': return `${file}: permission denied`;
    case 'ENOTDIR': return `${file}: a part of the path is not a directory`;
    case 'ENOSPC': return `${file}: no space left on the device`;
    case 'EROFS': return `${file}: the file system is read-only`;
    default: return `${file}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
