/**
 * An .xlsx workbook as sheets of values, one streaming reader for every size: the package's parts
 * are inflated as streams (cli/xlsx/zip-package.ts, yauzl) and parsed as they arrive
 * (cli/xlsx/xml.ts, saxes); no part is ever held whole, and the cells are kept sparse.
 *
 * Date cells become Date objects whose UTC fields are the wall clock the cell shows, so durations
 * in the core equal the spreadsheet's own B2−A2: the workbook is read with the UTC clock and --tz
 * plays no part (docs/cli.md explains why). Formula cells are read as the value the workbook saved
 * for them. Everything the scorecard output does not carry over (charts, pivot tables, images,
 * data validation, comments, macros, formulas, Excel tables, conditional formats) is counted for a
 * note on stderr; the input file is only read.
 *
 * Limits (SECURITY.md): the parts read may unpack to at most `maxUnpackedBytes`, counted while
 * inflating, and hold at most `maxCells` non-blank cells; past either the file is refused with one
 * line saying so.
 */
import { quote } from '../core/safe-text.js';
import type { ExistingSheet } from '../core/scorecard/api.js';
import { describeFsError, inputError, oneLine } from './errors.js';
import { fileKindOf } from './file-kind.js';
import type { InputSheet, InputWorkbook } from './input.js';
import { MARKER_CELL_NAME, MARKER_NAME, TARGET_NAME_PREFIX, parseNameRef } from './marker.js';
import { MARKER_KEY, readPrevious } from '../core/scorecard/previous.js';
import { wallClock } from '../core/values/clock.js';
import { columnarInput } from './sheet-columns.js';
import { MAX_SHEET_NAME, fitSheetNames } from './sheet-names.js';
import { packageParts } from './xlsx/package-parts.js';
import type { PackageParts } from './xlsx/package-parts.js';
import type { SharedStrings } from './xlsx/shared-strings.js';
import { sharedStringsHandler } from './xlsx/shared-strings.js';
import type { SheetCounts, SheetRead } from './xlsx/sheet.js';
import { SheetDataError, SheetReader } from './xlsx/sheet.js';
import type { CellStyle } from './xlsx/styles.js';
import { stylesHandler } from './xlsx/styles.js';
import type { Relationship } from './xlsx/workbook.js';
import { countingHandler, relationshipsHandler, relsPartOf, workbookHandler } from './xlsx/workbook.js';
import type { XmlHandler } from './xlsx/xml.js';
import { XmlError, xmlStream } from './xlsx/xml.js';
import type { ZipPackage } from './xlsx/zip-package.js';
import { ByteBudget, ZipReadError, openPackage } from './xlsx/zip-package.js';

export interface ReadLimits {
  /** Bytes the parts read may unpack to, together (counted while inflating). */
  readonly maxUnpackedBytes: number;
  /** Non-blank cells in all sheets together. */
  readonly maxCells: number;
}

/**
 * What the command line reads within Node's default heap and the time a person waits: measured
 * with generated workbooks (docs/cli.md, Performance). Tests pass smaller limits.
 */
export const READ_LIMITS: ReadLimits = { maxUnpackedBytes: 1024 ** 3, maxCells: 30_000_000 };

const REL = {
  officeDocument: 'officeDocument',
  worksheet: 'worksheet',
  styles: 'styles',
  sharedStrings: 'sharedStrings',
  comments: 'comments',
  drawing: 'drawing',
} as const;

interface Counts extends SheetCounts {
  comments: number;
  images: number;
}

/** A byte count as people read it: `2.0 GB`, `350 MB`, `12 KB`. */
const size = (n: number): string => {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
};

/** Reads an .xlsx file into sheets of values, with notes on what the output will not carry over. */
export async function readXlsxFile(file: string, limits: ReadLimits = READ_LIMITS): Promise<InputWorkbook> {
  let kind;
  try {
    kind = await fileKindOf(file);
  } catch (e) {
    throw inputError(describeFsError(e, file));
  }
  switch (kind) {
    case 'empty':
      throw inputError(`${file} is empty (0 bytes)`);
    case 'encrypted':
      throw inputError(`${file} is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again`);
    case 'ole':
      throw inputError(`${file} is an Excel 97-2003 workbook (.xls) or another non-.xlsx file; open it in a spreadsheet and save it as .xlsx`);
    case 'other':
      throw inputError(`${file} is not an .xlsx workbook (it is not a zip archive); if it is text, name it .csv`);
    case 'zip':
      break;
  }
  const budget = new ByteBudget(limits.maxUnpackedBytes);
  let pkg: ZipPackage;
  try {
    pkg = await openPackage(file, budget);
  } catch (e) {
    if (e instanceof ZipReadError) throw inputError(`${file} is damaged: its zip directory cannot be read (an incomplete download or copy?)`);
    throw inputError(describeFsError(e, file));
  }
  try {
    return await readPackage(file, pkg, limits);
  } catch (e) {
    throw asInputError(e, file, limits);
  } finally {
    pkg.close();
  }
}

function asInputError(e: unknown, file: string, limits: ReadLimits): unknown {
  if (e instanceof ZipReadError) {
    if (e.kind === 'budget') return inputError(`${file} unpacks to more than the ${size(limits.maxUnpackedBytes)} the command line reads (${e.message}; a damaged file or a zip bomb; for very large data, export CSV files)`);
    if (e.kind === 'lying') return inputError(`${file} is damaged: ${e.message} (a damaged file or a zip bomb)`);
    return inputError(`${file} is damaged: ${oneLine(e.message)}`);
  }
  if (e instanceof XmlError) return inputError(`${file} is damaged: ${oneLine(e.message)}`);
  if (e instanceof SheetDataError) {
    if (e.kind === 'cells') return inputError(`${file} has more than ${limits.maxCells.toLocaleString('en')} cells with values, more than the command line reads (for very large data, export CSV files)`);
    return inputError(`${file} is damaged: ${oneLine(e.message)}`);
  }
  if (e instanceof RangeError && /string longer|Invalid string length|Array buffer allocation/i.test(e.message)) {
    return inputError(`${file} holds a part too large to read (${oneLine(e.message)}); for very large data, export CSV files`);
  }
  return e;
}

/** Parses one part with a handler; the part's name prefixes any XML error. */
async function parsePart(pkg: ZipPackage, part: string, handler: XmlHandler): Promise<void> {
  const xml = xmlStream(handler);
  try {
    await pkg.readText(part, (t) => xml.write(t));
    xml.end();
  } catch (e) {
    if (e instanceof XmlError || e instanceof SheetDataError) {
      e.message = `${part}: ${e.message}`;
    }
    throw e;
  }
}

async function relationships(pkg: ZipPackage, source: string): Promise<Relationship[]> {
  const rels = pkg.find(relsPartOf(source));
  if (rels === undefined) return [];
  const h = relationshipsHandler(source);
  await parsePart(pkg, rels, h.handler);
  return h.result();
}

/** The stored name of a relationship's target part, when the package has it. */
const partOf = (pkg: ZipPackage, rel: Relationship | undefined): string | undefined => (rel?.part === undefined ? undefined : pkg.find(rel.part));

async function readPackage(file: string, pkg: ZipPackage, limits: ReadLimits): Promise<InputWorkbook> {
  const root = await relationships(pkg, '');
  const bookPart = partOf(pkg, root.find((r) => r.type === REL.officeDocument)) ?? pkg.find('xl/workbook.xml');
  if (bookPart === undefined) throw inputError(`${file} is a zip archive but not an Excel workbook (it has no xl/workbook.xml)`);

  const bookRels = await relationships(pkg, bookPart);
  const book = workbookHandler();
  await parsePart(pkg, bookPart, book.handler);
  const info = book.result();
  const byId = new Map(bookRels.map((r) => [r.id, r]));

  const sheetParts = info.sheets.map((s) => ({ ...s, part: s.relId === undefined ? undefined : byId.get(s.relId) }));
  const stylesPart = partOf(pkg, bookRels.find((r) => r.type === REL.styles));
  const stringsPart = partOf(pkg, bookRels.find((r) => r.type === REL.sharedStrings));
  const worksheetParts = sheetParts.filter((s) => s.part?.type === REL.worksheet).map((s) => partOf(pkg, s.part)).filter((p): p is string => p !== undefined);

  // The directory's own sizes first: a workbook that says it is too big is refused before any inflating.
  const declared = [bookPart, stylesPart, stringsPart, ...worksheetParts].reduce((n, p) => n + (p === undefined ? 0 : pkg.declaredSize(p) ?? 0), 0);
  if (declared > limits.maxUnpackedBytes) {
    throw inputError(`${file} would unpack to ${size(declared)}, more than the ${size(limits.maxUnpackedBytes)} the command line reads (a damaged file or a zip bomb; for very large data, export CSV files)`);
  }

  let styles: CellStyle[] = [];
  if (stylesPart !== undefined) {
    const h = stylesHandler();
    await parsePart(pkg, stylesPart, h.handler);
    styles = h.result();
  }
  let strings: SharedStrings = { text: [], rich: [] };
  if (stringsPart !== undefined) {
    const h = sharedStringsHandler();
    await parsePart(pkg, stringsPart, h.handler);
    strings = h.result();
  }

  const { ourSheet, targetCells, markerCell } = markerOf(info.definedNames);
  const counts: Counts = { formulas: 0, noResult: 0, richText: 0, hyperlinks: 0, validations: 0, conditionalFormats: 0, cells: 0, comments: 0, images: 0 };
  const sheets: InputSheet[] = [];
  const existing: ExistingSheet[] = [];
  const sheetNames: string[] = [];
  /** The index in sheetNames of each sheet in sheets. */
  const dataIndex: number[] = [];
  for (const s of sheetParts) {
    sheetNames.push(s.name);
    const part = s.part?.type === REL.worksheet ? partOf(pkg, s.part) : undefined;
    const ours = ourSheet !== undefined && s.name.toLowerCase() === ourSheet.toLowerCase();
    if (part === undefined) {
      // A chart sheet or dialog sheet: no cells.
      existing.push({ name: s.name, ours: false });
      continue;
    }
    let read: SheetRead | undefined;
    if (ours) {
      const scratch: Counts = { ...counts };
      read = await readSheet(pkg, part, { strings, styles, date1904: info.date1904, counts: scratch, maxCells: limits.maxCells });
      const previous = previousOf(s.name, read, targetCells, markerCell);
      existing.push(previous);
      // The defined name is trusted only on a sheet that is our scorecard; any other is data.
      if (previous.ours) {
        counts.cells = scratch.cells;
        continue;
      }
      Object.assign(counts, scratch);
    } else existing.push({ name: s.name, ours: false });
    read ??= await readSheet(pkg, part, { strings, styles, date1904: info.date1904, counts, maxCells: limits.maxCells });
    await countSheetExtras(pkg, part, counts);
    dataIndex.push(sheetNames.length - 1);
    const frame = { widths: read.widths, frozenRows: read.frozenRows, frozenCols: read.frozenCols, boldRows: read.boldRows, merges: read.merges, hidden: s.hidden };
    sheets.push(read.columns
      ? columnarInput(s.name, read.columns, read.originRow, read.originCol, frame)
      : { data: { name: s.name, values: read.values as unknown[][], originRow: read.originRow, originCol: read.originCol }, formats: read.formats, ...frame });
  }
  if (sheets.length === 0) throw inputError(`${file} has no worksheets with data`);
  const trusted = existing.find((e) => e.ours);
  const notes = notesOf(file, counts, packageParts(pkg.names), trusted?.name);
  // Names Excel would not accept (written by other tools) are fitted before the scorecard refers to them.
  const fitted = fitSheetNames(sheetNames);
  if (fitted.renamed.length === 0) return { sheets, sheetNames, existing, notes, files: [file] };
  for (const r of fitted.renamed) {
    notes.push(`${file}: the sheet name ${quote(r.from)} is not one Excel accepts (at most ${MAX_SHEET_NAME} characters, none of [ ] : * ? / \\, unique); its copy is named ${quote(r.to)}`);
  }
  return {
    sheets: sheets.map((s, i) => renamed(s, fitted.names[dataIndex[i]])),
    sheetNames: fitted.names,
    existing: existing.map((e, i) => (e.ours ? e : { ...e, name: fitted.names[i] })),
    notes,
    files: [file],
  };
}

/** A sheet under another name (one held by column keeps its rows unmade). */
function renamed(s: InputSheet, name: string): InputSheet {
  if (!s.columns) return { ...s, data: { ...s.data, name } };
  const { widths, frozenRows, frozenCols, boldRows, merges, hidden } = s;
  return columnarInput(name, s.columns, s.data.originRow, s.data.originCol, { widths, frozenRows, frozenCols, boldRows, merges, hidden });
}

async function readSheet(pkg: ZipPackage, part: string, ctx: ConstructorParameters<typeof SheetReader>[0]): Promise<SheetRead> {
  const reader = new SheetReader(ctx);
  await parsePart(pkg, part, reader);
  return reader.result();
}

/** Comments and pictures of a sheet, from the parts its relationships name. */
async function countSheetExtras(pkg: ZipPackage, part: string, counts: Counts): Promise<void> {
  for (const rel of await relationships(pkg, part)) {
    const target = partOf(pkg, rel);
    if (target === undefined) continue;
    if (rel.type === REL.comments) {
      const h = countingHandler('comment');
      await parsePart(pkg, target, h.handler);
      counts.comments += h.result();
    } else if (rel.type === REL.drawing) {
      const h = countingHandler('pic');
      await parsePart(pkg, target, h.handler);
      counts.images += h.result();
    }
  }
}

interface Marker {
  readonly ourSheet?: string;
  readonly targetCells: Map<string, { sheet: string; row: number; col: number }>;
  /** The cell holding the whole marker as JSON (files written since it did). */
  readonly markerCell?: { sheet: string; row: number; col: number };
}

/** Our own earlier scorecard (written by this command) is recognised by its defined names. */
function markerOf(names: ReadonlyMap<string, string>): Marker {
  const targetCells = new Map<string, { sheet: string; row: number; col: number }>();
  let ourSheet: string | undefined;
  let markerCell: Marker['markerCell'];
  for (const [name, text] of names) {
    const ref = parseNameRef(text);
    if (!ref) continue;
    if (name === MARKER_NAME) ourSheet = ref.sheet;
    else if (name === MARKER_CELL_NAME) markerCell = ref;
    else if (name.startsWith(TARGET_NAME_PREFIX)) targetCells.set(name.slice(TARGET_NAME_PREFIX.length), ref);
  }
  return { ourSheet, targetCells, ...(markerCell ? { markerCell } : {}) };
}

/**
 * Our earlier scorecard read back (core/scorecard/previous.ts): the marker from its cell, or rebuilt
 * from the target names of a file written before; trusted only when the sheet looks like our
 * scorecard. The marker's own cell is not one of the manager's.
 */
function previousOf(sheet: string, read: SheetRead, cells: Marker['targetCells'], markerCell: Marker['markerCell']): ExistingSheet {
  const at = (row: number, col: number): unknown => read.values[row - read.originRow]?.[col - read.originCol];
  const onSheet = (ref: { sheet: string }): boolean => ref.sheet.toLowerCase() === sheet.toLowerCase();
  const stored = markerCell && onSheet(markerCell) ? at(markerCell.row, markerCell.col) : undefined;
  const targetCells = Object.fromEntries([...cells].filter(([, ref]) => onSheet(ref)).map(([id, ref]) => [id, { row: ref.row, col: ref.col }]));
  const raw = typeof stored === 'string' ? stored : { key: MARKER_KEY, version: 1, kpis: Object.keys(targetCells), targetCells };
  const previous = readPrevious(sheet, raw, { row: read.originRow, col: read.originCol, values: read.values, formats: read.formats }, wallClock('UTC'));
  if (!previous.userCells || !markerCell) return previous;
  const userCells = previous.userCells.filter((u) => !(u.row === markerCell.row && u.col === markerCell.col));
  const { userCells: _all, ...rest } = previous;
  return userCells.length > 0 ? { ...rest, userCells } : rest;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function notesOf(file: string, c: Counts, p: PackageParts, ourSheet: string | undefined): string[] {
  const lost: string[] = [];
  if (p.charts > 0) lost.push(plural(p.charts, 'chart'));
  if (p.pivotTables > 0) lost.push(plural(p.pivotTables, 'pivot table'));
  if (p.slicers > 0) lost.push(plural(p.slicers, 'slicer'));
  if (c.images > 0) lost.push(plural(c.images, 'image'));
  if (c.validations > 0) lost.push(plural(c.validations, 'data validation rule'));
  if (c.comments > 0) lost.push(plural(c.comments, 'comment'));
  if (c.conditionalFormats > 0) lost.push(plural(c.conditionalFormats, 'conditional format'));
  if (p.tables > 0) lost.push(`${plural(p.tables, 'Excel table')} (kept as plain ranges)`);
  if (c.hyperlinks > 0) lost.push(`${plural(c.hyperlinks, 'hyperlink')} (kept as text)`);
  if (c.richText > 0) lost.push(`text formatting in ${plural(c.richText, 'cell')}`);
  if (p.externalLinks > 0) lost.push(plural(p.externalLinks, 'link', 'links') + ' to other workbooks');
  if (p.macros) lost.push('macros');
  const notes: string[] = [];
  if (lost.length > 0) notes.push(`${file}: the output does not carry over ${lost.join(', ')}; the input file is unchanged`);
  if (c.formulas > 0) {
    let note = `${file}: ${plural(c.formulas, 'formula cell')} copied as their saved values`;
    if (c.noResult > 0) note += ` (${c.noResult} had no saved value and are blank: open and save the file in a spreadsheet to store them)`;
    notes.push(note);
  }
  if (ourSheet !== undefined) notes.push(`${file}: the sheet ${quote(ourSheet)} is an earlier scorecard; it is replaced, keeping the targets and the cells you wrote on it`);
  return notes;
}
