/**
 * The two parts of exceljs the command line writes with: the streaming WorkbookWriter and the
 * ValueType enum, loaded from their own modules. exceljs's package entry loads all of exceljs (the
 * in-memory workbook, its readers, CSV, zip libraries for reading): measured 1.06–1.25 s against
 * 0.36–0.58 s for these two on the shared 2-core machine, time every run of the command paid at
 * start. The typings are exceljs's own (exceljs 4.4 has no `exports` map, so the paths resolve).
 */
import type ExcelJS from 'exceljs';
import workbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import enums from 'exceljs/lib/doc/enums.js';

export const WorkbookWriter = workbookWriter as typeof ExcelJS.stream.xlsx.WorkbookWriter;
export const ValueType = (enums as { ValueType: typeof ExcelJS.ValueType }).ValueType;
