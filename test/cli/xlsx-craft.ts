/**
 * Test helper: .xlsx packages written part by part, so the reader's tests can hold exactly the XML
 * other writers produce (namespace prefixes, inline strings, phonetic runs, `t="d"` cells, rows out
 * of order, a far cell), and zip archives no library writes on purpose: ZIP64 ones and ones whose
 * central directory understates a part's size.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { fullFlushBlock } from '../hardening/hostile.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface CraftSheet {
  readonly name: string;
  /** The inner XML of `<sheetData>` (with the prefix, when one is used). */
  readonly rows: string;
  /** XML after `</sheetData>` (merge cells, hyperlinks …). */
  readonly after?: string;
}

export interface CraftOptions {
  /** Shared strings' `<si>` items as raw XML, or plain texts. */
  readonly strings?: readonly string[];
  readonly rawStrings?: string;
  readonly date1904?: boolean;
  /** A namespace prefix for every SpreadsheetML element (`x` → `<x:worksheet xmlns:x=…>`). */
  readonly prefix?: string;
  readonly definedNames?: Readonly<Record<string, string>>;
}

/**
 * Cell styles of every crafted workbook, by index: 0 General, 1 a date (numFmtId 14),
 * 2 a date and time (22), 3 bold, 4 the custom format `0.0%`, 5 a duration (`[h]:mm`).
 */
export const STYLE = { general: 0, date: 1, dateTime: 2, bold: 3, percent: 4, duration: 5 } as const;

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A text cell as an inline string. */
export const inline = (ref: string, text: string, p = ''): string => `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${esc(text)}</${p}t></${p}is></${p}c>`;
/** A number cell (with a style index). */
export const num = (ref: string, v: number, s?: number, p = ''): string => `<${p}c r="${ref}"${s ? ` s="${s}"` : ''}><${p}v>${v}</${p}v></${p}c>`;
/** A row of cells. */
export const row = (r: number, cells: string, p = ''): string => `<${p}row r="${r}">${cells}</${p}row>`;

/** The parts of a workbook holding `sheets`. */
export function workbookParts(sheets: readonly CraftSheet[], o: CraftOptions = {}): Record<string, string> {
  const p = o.prefix ? `${o.prefix}:` : '';
  const ns = o.prefix ? `xmlns:${o.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${REL}"><${p}workbookPr${o.date1904 ? ' date1904="1"' : ''}/><${p}sheets>${sheets.map((s, i) => `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</${p}sheets>`
      + (o.definedNames ? `<${p}definedNames>${Object.entries(o.definedNames).map(([n, ref]) => `<${p}definedName name="${n}">${esc(ref)}</${p}definedName>`).join('')}</${p}definedNames>` : '')
      + `</${p}workbook>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${ns}><${p}numFmts count="2"><${p}numFmt numFmtId="164" formatCode="0.0%"/><${p}numFmt numFmtId="165" formatCode="[h]:mm"/></${p}numFmts>`
      + `<${p}fonts count="2"><${p}font><${p}sz val="11"/></${p}font><${p}font><${p}b/><${p}sz val="11"/></${p}font></${p}fonts>`
      + `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0"/></${p}cellStyleXfs>`
      + `<${p}cellXfs count="6"><${p}xf numFmtId="0" fontId="0"/><${p}xf numFmtId="14" fontId="0" applyNumberFormat="1"/><${p}xf numFmtId="22" fontId="0" applyNumberFormat="1"/><${p}xf numFmtId="0" fontId="1"/><${p}xf numFmtId="164" fontId="0"/><${p}xf numFmtId="165" fontId="0"/></${p}cellXfs></${p}styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}>${o.rawStrings ?? (o.strings ?? []).map((t) => `<${p}si><${p}t xml:space="preserve">${esc(t)}</${p}t></${p}si>`).join('')}</${p}sst>`,
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${s.rows}</${p}sheetData>${s.after ?? ''}</${p}worksheet>`;
  });
  return parts;
}

/** The parts as an ordinary zip archive (fflate). */
export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return Buffer.from(zipSync(files, { level: 6 }));
}

export function craftWorkbook(sheets: readonly CraftSheet[], o: CraftOptions = {}): Buffer {
  return zipParts(workbookParts(sheets, o));
}

interface RawEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly crc: number;
  /** The size the directory declares (normally the real one). */
  readonly size: number;
}

const entryOf = (name: string, content: string | Uint8Array): RawEntry => {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { name, data: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
};

/** A zip written by hand: ZIP64 records when `zip64`, declared sizes as each entry says. */
export function rawZip(entries: readonly RawEntry[], zip64 = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const extra = zip64 ? Buffer.alloc(4 + 24) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const localExtra = zip64 ? Buffer.from(extra.subarray(0, 20)) : extra;
    if (zip64) localExtra.writeUInt16LE(16, 2);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : e.data.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : e.data.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    locals.push(local, name, localExtra, e.data);
    centrals.push(central, name, extra);
    offset += 30 + name.length + localExtra.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(rec, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, end]);
}

/** The parts as a ZIP64 archive (every size and offset in ZIP64 records). */
export function zip64Parts(parts: Readonly<Record<string, string | Uint8Array>>): Buffer {
  return rawZip(Object.entries(parts).map(([n, c]) => entryOf(n, c)), true);
}

/**
 * A workbook whose sheet part inflates to `gigabytes` of spaces after a valid start, while the
 * zip directory declares `declared` bytes for it: a lying directory (a zip bomb that passes a
 * check of declared sizes). A few MB on disk.
 */
export async function lyingWorkbook(gigabytes: number, declared: number): Promise<Buffer> {
  const parts = workbookParts([{ name: 'Data', rows: row(1, inline('A1', 'Date') + inline('B1', 'NPS')) }]);
  const head = Buffer.from(parts['xl/worksheets/sheet1.xml'].replace(/<\/sheetData>.*$/s, ''), 'utf8');
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const headBlock = await fullFlushBlock(head);
  const block = await fullFlushBlock(chunk);
  const copies = Math.round((gigabytes * 1024 ** 3) / chunk.length);
  const data = Buffer.concat([headBlock, ...Array.from({ length: copies }, () => block), Buffer.from([0x03, 0x00])]);
  const entries = Object.entries(parts).filter(([n]) => n !== 'xl/worksheets/sheet1.xml').map(([n, c]) => entryOf(n, c));
  entries.push({ name: 'xl/worksheets/sheet1.xml', data, crc: 0, size: declared });
  return rawZip(entries);
}
