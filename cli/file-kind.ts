/**
 * What kind of file an .xlsx path really holds, from its first bytes: a password-protected
 * workbook is not a zip but an OLE compound file (D0 CF 11 E0 …) holding an `EncryptedPackage`
 * stream; an Excel 97–2003 .xls is an OLE file without one; an .xlsx is a zip archive.
 */
import { open } from 'node:fs/promises';

export type FileKind = 'zip' | 'encrypted' | 'ole' | 'empty' | 'other';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An encrypted package's directory sits near the start; the search stops here. */
const OLE_SEARCH_BYTES = 16 * 1024 ** 2;

export function fileKind(bytes: Uint8Array, size = bytes.length): FileKind {
  if (size === 0) return 'empty';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) return 'zip';
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    // Directory entry names are UTF-16LE; an encrypted OOXML package always has this stream.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le')) ? 'encrypted' : 'ole';
  }
  return 'other';
}

/** The kind of a file on disk, reading only its first bytes (or the start of an OLE file). */
export async function fileKindOf(file: string): Promise<FileKind> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 8));
    await handle.read(head, 0, head.length, 0);
    if (size >= 8 && OLE_MAGIC.every((b, i) => head[i] === b)) {
      const start = Buffer.alloc(Math.min(size, OLE_SEARCH_BYTES));
      await handle.read(start, 0, start.length, 0);
      return fileKind(start, size);
    }
    return fileKind(head, size);
  } finally {
    await handle.close();
  }
}
