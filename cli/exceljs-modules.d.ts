// exceljs ships typings for its package entry only; cli/exceljs-writer.ts gives these their types.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  const workbookWriter: unknown;
  export default workbookWriter;
}
declare module 'exceljs/lib/doc/enums.js' {
  const enums: unknown;
  export default enums;
}
