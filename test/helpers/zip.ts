/**
 * Test helper: the parts of an .xlsx (or any zip) read whole with fflate, for assertions on the
 * files the command line writes. The product reads packages as streams (cli/xlsx/zip-package.ts).
 */
import { unzipSync } from 'fflate';

/** Every part's name in the archive. */
export function partNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(zip, { filter: (f) => (names.push(f.name), false) });
  return names;
}

/** One part's text (UTF-8), or undefined when the archive has no such part. */
export function partText(zip: Uint8Array, name: string): string | undefined {
  const parts = unzipSync(zip, { filter: (f) => f.name === name });
  const bytes = parts[name];
  return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
