/**
 * The parts of an .xlsx package (a zip archive), read with yauzl straight from the file: the
 * central directory gives the part names and their declared sizes; a part is inflated as a
 * stream (Node's zlib), never held whole. Every inflated chunk is counted before it is used,
 * against the size the part's directory entry declares and against one budget for the whole
 * workbook, so a directory that understates a size cannot get past the budget: the read stops at
 * the first chunk over. ZIP64 archives are read like any other. docs/architecture.md says why
 * yauzl (measured against fflate).
 */
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

export class ZipReadError extends Error {
  constructor(
    message: string,
    /** 'budget': more inflated bytes than allowed; 'lying': more than the directory declared; 'damaged': anything else. */
    readonly kind: 'budget' | 'lying' | 'damaged',
  ) {
    super(message);
    this.name = 'ZipReadError';
  }
}

/** Inflated bytes allowed for one workbook, counted while inflating. */
export class ByteBudget {
  used = 0;
  constructor(readonly limit: number) {}
  take(n: number, part: string): void {
    this.used += n;
    if (this.used > this.limit) throw new ZipReadError(`${part} unpacks past the limit`, 'budget');
  }
}

export interface ZipPackage {
  /** Part names as stored (without a leading slash). */
  readonly names: readonly string[];
  /** The declared (directory) unpacked size of a part, or undefined when it is absent. */
  declaredSize(name: string): number | undefined;
  /** The part's name as stored, looked up case-insensitively (OPC part names are). */
  find(name: string): string | undefined;
  /** Streams a part's text to `onText` chunk by chunk (UTF-8 or UTF-16 with a BOM). */
  readText(name: string, onText: (text: string) => void): Promise<void>;
  close(): void;
}

/** zlib.crc32 (Node 20.15 and later): each part's checksum is verified where Node has it. */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Inflated bytes per chunk: fewer, larger chunks cost less per byte to decode and parse. */
const CHUNK_BYTES = 256 * 1024;
/** Inflated chunks that may wait to be parsed (a bound on memory: 16 × 256 KB). */
const READ_AHEAD = 16;

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zip) => {
      if (err || !zip) reject(new ZipReadError(err ? err.message : 'cannot open', 'damaged'));
      else resolve(zip);
    });
  });
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (e: Error) => reject(new ZipReadError(e.message, 'damaged')));
    zip.readEntry();
  });
}

/** A decoder for the part's bytes, chosen by its first bytes (XML parts may be UTF-16 with a BOM). */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

export async function openPackage(file: string, budget: ByteBudget): Promise<ZipPackage> {
  const zip = await openZip(file);
  let entries: Entry[];
  try {
    entries = await listEntries(zip);
  } catch (e) {
    zip.close();
    throw e;
  }
  const byName = new Map<string, Entry>();
  const byLower = new Map<string, string>();
  for (const e of entries) {
    const name = e.fileName.replace(/^\/+/, '');
    if (e.fileName.endsWith('/')) continue; // a folder entry
    byName.set(name, e);
    byLower.set(name.toLowerCase(), name);
  }
  return {
    names: [...byName.keys()],
    declaredSize: (name) => byName.get(name)?.uncompressedSize,
    find: (name) => byLower.get(name.replace(/^\/+/, '').toLowerCase()),
    readText(name, onText) {
      const entry = byName.get(name);
      if (!entry) return Promise.reject(new ZipReadError(`${name} is missing`, 'damaged'));
      if (entry.isEncrypted()) return Promise.reject(new ZipReadError(`${name} is encrypted inside the zip`, 'damaged'));
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        return Promise.reject(new ZipReadError(`${name} uses zip compression method ${entry.compressionMethod}, which spreadsheets do not write`, 'damaged'));
      }
      const declared = entry.uncompressedSize;
      return new Promise<void>((resolve, reject) => {
        // The raw bytes, inflated here: our own count of the inflated bytes is checked against
        // the declared size and the budget at every chunk, before the chunk is used.
        zip.openReadStream(entry, { decodeFileData: false }, (err, raw: Readable) => {
          if (err || !raw) {
            reject(new ZipReadError(`${name}: ${err ? err.message : 'cannot be read'}`, 'damaged'));
            return;
          }
          const stream: Readable = entry.compressionMethod === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: CHUNK_BYTES })) : raw;
          let decoder: TextDecoder | undefined;
          let inflated = 0;
          let crc = 0;
          let failed = false;
          const fail = (e: unknown): void => {
            if (failed) return;
            failed = true;
            raw.unpipe();
            raw.destroy();
            if (stream !== raw) stream.destroy();
            if (e instanceof ZipReadError) reject(e);
            else if ((e as { code?: string }).code?.startsWith('Z_')) reject(new ZipReadError(`${name}: ${(e as Error).message}`, 'damaged'));
            else reject(e);
          };
          raw.once('error', fail);
          if (stream !== raw) stream.once('error', fail);
          // Inflated chunks are counted as they arrive and parsed a moment later, so zlib inflates
          // the next chunks on its thread while this one is parsed; at most READ_AHEAD chunks wait.
          const queue: Buffer[] = [];
          let ended = false, scheduled = false;
          const drain = (): void => {
            scheduled = false;
            if (failed) return;
            try {
              const chunk = queue.shift();
              if (chunk !== undefined) {
                decoder ??= decoderFor(chunk);
                const text = decoder.decode(chunk, { stream: true });
                if (text.length > 0) onText(text);
              }
              if (queue.length > 0) schedule();
              else if (ended) finish();
              if (stream.isPaused() && queue.length < READ_AHEAD / 2) stream.resume();
            } catch (e) {
              fail(e);
            }
          };
          const schedule = (): void => {
            if (!scheduled) {
              scheduled = true;
              setImmediate(drain);
            }
          };
          const finish = (): void => {
            if (inflated !== declared) throw new ZipReadError(`${name} unpacks to less than its zip directory says`, 'damaged');
            if (crc32 && crc >>> 0 !== entry.crc32 >>> 0) throw new ZipReadError(`${name} is corrupt (its CRC-32 checksum does not match)`, 'damaged');
            const rest = decoder?.decode() ?? '';
            if (rest.length > 0) onText(rest);
            resolve();
          };
          stream.on('data', (chunk: Buffer) => {
            if (failed) return;
            try {
              inflated += chunk.length;
              if (inflated > declared) throw new ZipReadError(`${name} unpacks to more than its zip directory says`, 'lying');
              if (crc32) crc = crc32(chunk, crc);
              budget.take(chunk.length, name);
              queue.push(chunk);
              if (queue.length >= READ_AHEAD) stream.pause();
              schedule();
            } catch (e) {
              fail(e);
            }
          });
          stream.once('end', () => {
            ended = true;
            if (!failed) schedule();
          });
        });
      });
    },
    close: () => zip.close(),
  };
}

/** A whole (small) part as one string. */
export async function readPartText(pkg: ZipPackage, name: string): Promise<string> {
  const chunks: string[] = [];
  await pkg.readText(name, (t) => chunks.push(t));
  return chunks.join('');
}
