/**
 * What kind of file an .xlsx path really holds, from its first bytes and its zip directory:
 * a password-protected workbook is not a zip but an OLE compound file (D0 CF 11 E0 …) holding an
 * `EncryptedPackage` stream; an Excel 97–2003 .xls is an OLE file without one; an .xlsx is a zip
 * whose entry names say what else it holds (charts, pivot tables, drawings, comments, macros).
 * Reading the zip's central directory needs no unzip library.
 */

import zlib, { inflateRawSync } from 'node:zlib';

export type FileKind = 'zip' | 'encrypted' | 'ole' | 'empty' | 'other';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) return 'zip';
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    // Directory entry names are UTF-16LE; an encrypted OOXML package always has this stream.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le')) ? 'encrypted' : 'ole';
  }
  return 'other';
}

export interface ZipEntryInfo {
  readonly name: string;
  /** Uncompressed size in bytes, as the zip directory states it. */
  readonly size: number;
}

/** The entries of a zip archive (names and unpacked sizes), or undefined when its directory cannot be read. */
export function zipEntries(bytes: Uint8Array): ZipEntryInfo[] | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50, CEN = 0x02014b50;
  const from = Math.max(0, buf.length - 22 - 65_535);
  let eocd = -1;
  for (let p = buf.length - 22; p >= from; p--) {
    if (buf.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (p === 0xffffffff || count === 0xffff) return undefined; // zip64: not worth reading here
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN) return undefined;
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Names of the entries in a zip archive, or undefined when its directory cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  return zipEntries(bytes)?.map((e) => e.name);
}

/** What a workbook's zip holds that the scorecard output does not carry over, counted by kind. */
export interface PackageParts {
  readonly charts: number;
  readonly pivotTables: number;
  readonly slicers: number;
  readonly macros: boolean;
  readonly externalLinks: number;
  readonly tables: number;
}

export function packageParts(names: readonly string[]): PackageParts {
  const count = (re: RegExp): number => names.filter((n) => re.test(n)).length;
  return {
    charts: count(/^xl\/charts\/chart\d*\.xml$/i),
    pivotTables: count(/^xl\/pivotTables\/pivotTable\d*\.xml$/i),
    slicers: count(/^xl\/slicers\/slicer\d*\.xml$/i),
    macros: names.some((n) => /^xl\/vbaProject\.bin$/i.test(n)),
    externalLinks: count(/^xl\/externalLinks\/externalLink\d*\.xml$/i),
    tables: count(/^xl\/tables\/table\d*\.xml$/i),
  };
}

/** The uncompressed bytes of one zip entry (stored or deflated), or undefined when it is absent. */
export function readZipEntry(bytes: Uint8Array, name: string): Buffer | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50, CEN = 0x02014b50;
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 65_535); p--) {
    if (buf.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== CEN) return undefined;
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (buf.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      return undefined;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 of the zip format (zlib.crc32 where Node has it, 20.15 and later). */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A copy of a zip archive with one entry's content replaced (deflated). Every other entry is
 * copied as it is stored; local headers are rewritten with the sizes and CRC of the central
 * directory, so archives written with data descriptors (exceljs's) come out plain.
 */
export function replaceZipEntry(zip: Uint8Array, name: string, content: Uint8Array): Buffer {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const EOCD = 0x06054b50, CEN = 0x02014b50;
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 65_535); p--) {
    if (buf.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let found = false;
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== CEN) throw new Error('bad zip directory');
    const flags = buf.readUInt16LE(p + 8) & 0x0800; // keep only the UTF-8 name flag
    let method = buf.readUInt16LE(p + 10);
    const time = buf.readUInt16LE(p + 12);
    const date = buf.readUInt16LE(p + 14);
    let crc = buf.readUInt32LE(p + 16);
    let compressed = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    let data: Buffer = buf.subarray(start, start + compressed);
    if (nameBytes.toString('utf8') === name) {
      found = true;
      data = zlib.deflateRawSync(content);
      method = 8;
      crc = crc32(content);
      compressed = data.length;
      size = content.length;
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameLen, 26);
    header.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CEN, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameLen, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + data.length;
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (!found) throw new Error(`no entry ${name} in the zip archive`);
  const dirSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
