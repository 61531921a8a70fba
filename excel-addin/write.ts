/// <reference types="office-js" />
/**
 * Writing a ScorecardPlan onto a new worksheet. Everything is only queued: the caller syncs once,
 * however many KPIs the plan holds. Each plan block is ONE `range.formulas` write (formulas and
 * constants mixed) with ONE `range.numberFormat` grid before it; styles go on rectangles of equal
 * style; status colours are conditional formats, so they follow the live values.
 */
import type { CellStyle, LocalRef, PlanBlock, PlanCell, ScorecardPlan } from '../core/scorecard/types.js';
import { looksLikeFormula, neutralise } from '../core/safe-text.js';

/** The worksheet custom property (ExcelApi 1.12) that marks a sheet as our scorecard. */
export const MARKER_KEY = 'service-kpi.scorecard';

/** Text format: what Excel would otherwise read as a number or a date (`2026-03`, `0042`) stays text. */
const TEXT_FORMAT = '@';
const GENERAL = 'General';

interface StyleLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly fill?: string;
  readonly font?: string;
  readonly wrap?: boolean;
}

/** How each plan style looks in Excel. `kpi` rows keep Excel's default look. */
export const STYLE_LOOKS: Readonly<Record<CellStyle, StyleLook | null>> = {
  title: { bold: true, size: 16, font: '#1F3864' },
  subtitle: { italic: true, font: '#595959' },
  header: { bold: true, fill: '#1F4E78', font: '#FFFFFF', wrap: true },
  section: { bold: true, fill: '#DDEBF7', font: '#1F3864' },
  input: { fill: '#FFF2CC' },
  note: { italic: true, font: '#7F7F7F' },
  kpi: null,
  helper: { font: '#808080' },
};

/** Pixels (the plan's unit) to points (Office.js column widths). */
export const pxToPoints = (px: number): number => Math.round(px * 0.75 * 100) / 100;

/** What `range.formulas` gets for one plan cell. */
export function cellInput(cell: PlanCell | null): string | number | boolean {
  if (!cell) return '';
  if (cell.formula) return cell.formula.text;
  // A formula the manager wrote on the previous scorecard, back in its cell.
  if (cell.userFormula) return cell.userFormula;
  const v = cell.value;
  if (v === undefined) return '';
  if (typeof v === 'string') {
    // Excel parses what it is given: text from the data, or any text that starts like a formula,
    // gets the apostrophe that keeps it text.
    return cell.userText || looksLikeFormula(v) ? neutralise(v) : v;
  }
  return v;
}

/** The number format of one plan cell: the plan's, else Text for plain text constants, else General. */
export function cellFormat(cell: PlanCell | null): string {
  if (!cell) return GENERAL;
  if (cell.numberFormat) return cell.numberFormat;
  const v = cell.value;
  if (!cell.formula && !cell.userFormula && typeof v === 'string' && v !== '' && !looksLikeFormula(v)) return TEXT_FORMAT;
  return GENERAL;
}

export interface StyleRect {
  readonly style: CellStyle;
  /** 0-based sheet coordinates. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Rectangles of equal style in a block: runs along each row, merged with the identical run below. */
export function styleRects(block: PlanBlock): StyleRect[] {
  const done: StyleRect[] = [];
  let open = new Map<string, StyleRect>();
  block.cells.forEach((cells, r) => {
    const row = block.row - 1 + r;
    const next = new Map<string, StyleRect>();
    let c = 0;
    while (c < cells.length) {
      const style = cells[c]?.style;
      let end = c + 1;
      while (end < cells.length && cells[end]?.style === style) end++;
      if (style && STYLE_LOOKS[style]) {
        const col = block.col - 1 + c;
        const key = `${style}:${col}:${end - c}`;
        const above = open.get(key);
        if (above) {
          open.delete(key);
          next.set(key, { ...above, rows: above.rows + 1 });
        } else next.set(key, { style, row, col, rows: 1, cols: end - c });
      }
      c = end;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  });
  for (const rect of open.values()) done.push(rect);
  return done;
}

function rangeOf(sheet: Excel.Worksheet, ref: LocalRef): Excel.Range {
  return sheet.getRangeByIndexes(ref.row - 1, ref.col - 1, ref.rows ?? 1, ref.cols ?? 1);
}

function writeBlock(sheet: Excel.Worksheet, block: PlanBlock): void {
  const rows = block.cells.length;
  const cols = rows > 0 ? Math.max(...block.cells.map((r) => r.length)) : 0;
  if (rows === 0 || cols === 0) return;
  const formats: string[][] = [];
  const inputs: (string | number | boolean)[][] = [];
  for (const cells of block.cells) {
    const f: string[] = [];
    const x: (string | number | boolean)[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = cells[c] ?? null;
      f.push(cellFormat(cell));
      x.push(cellInput(cell));
    }
    formats.push(f);
    inputs.push(x);
  }
  const range = sheet.getRangeByIndexes(block.row - 1, block.col - 1, rows, cols);
  // The format first: text written into a Text cell stays text.
  range.numberFormat = formats;
  range.formulas = inputs;
  for (const rect of styleRects(block)) {
    const look = STYLE_LOOKS[rect.style];
    if (!look) continue;
    const format = sheet.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).format;
    if (look.bold) format.font.bold = true;
    if (look.italic) format.font.italic = true;
    if (look.size) format.font.size = look.size;
    if (look.font) format.font.color = look.font;
    if (look.fill) format.fill.color = look.fill;
    if (look.wrap) format.wrapText = true;
  }
}

const STATUSES = ['green', 'amber', 'red'] as const;

/** Status colours as conditional formats: the cell's colour follows its (live) value. */
function writeStatusRules(sheet: Excel.Worksheet, plan: ScorecardPlan): void {
  for (const rule of plan.statusRules) {
    const range = rangeOf(sheet, rule.range);
    for (const status of STATUSES) {
      const cf = range.conditionalFormats.add('CellValue' as Excel.ConditionalFormatType);
      cf.cellValue.format.fill.color = rule.colors[status].fill;
      cf.cellValue.format.font.color = rule.colors[status].font;
      cf.cellValue.rule = { formula1: `="${status}"`, operator: 'EqualTo' };
    }
  }
  for (const ref of plan.dataBars) rangeOf(sheet, ref).conditionalFormats.add('DataBar' as Excel.ConditionalFormatType);
}

/** One small line chart per trend, sized to its cell: the Excel stand-in for a sparkline. */
function writeTrends(sheet: Excel.Worksheet, plan: ScorecardPlan): void {
  for (const trend of plan.trends) {
    const source = rangeOf(sheet, trend.source);
    const byRows = (trend.source.rows ?? 1) <= (trend.source.cols ?? 1);
    const chart = sheet.charts.add('Line' as Excel.ChartType, source, (byRows ? 'Rows' : 'Columns') as Excel.ChartSeriesBy);
    chart.name = `Trend ${trend.kpi}`.slice(0, 31);
    // The values sit in hidden helper columns: plot them anyway.
    chart.plotVisibleOnly = false;
    chart.title.visible = false;
    chart.legend.visible = false;
    chart.axes.valueAxis.visible = false;
    chart.axes.valueAxis.majorGridlines.visible = false;
    chart.axes.categoryAxis.visible = false;
    // With an end cell Excel sizes the chart to cover exactly the trend cell; without one it keeps
    // its default 5 × 3 inches and covers the scorecard's neighbouring cells.
    const cell = rangeOf(sheet, trend.cell);
    chart.setPosition(cell, cell);
  }
}

function writeLayout(sheet: Excel.Worksheet, plan: ScorecardPlan): void {
  for (const [col, px] of Object.entries(plan.columnWidths)) {
    sheet.getRangeByIndexes(0, Number(col) - 1, 1, 1).format.columnWidth = pxToPoints(px);
  }
  for (const col of plan.hiddenColumns) sheet.getRangeByIndexes(0, col - 1, 1, 1).getEntireColumn().columnHidden = true;
  if (plan.frozenRows > 0 && plan.frozenCols > 0) {
    sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, plan.frozenRows, plan.frozenCols));
  } else if (plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
  else if (plan.frozenCols > 0) sheet.freezePanes.freezeColumns(plan.frozenCols);
}

/** Queues the whole plan on `sheet` (a new, empty worksheet) and marks it as ours. */
export function writePlan(sheet: Excel.Worksheet, plan: ScorecardPlan): void {
  for (const block of plan.blocks) writeBlock(sheet, block);
  writeStatusRules(sheet, plan);
  writeLayout(sheet, plan);
  writeTrends(sheet, plan);
  sheet.customProperties.add(MARKER_KEY, JSON.stringify(plan.marker));
}
