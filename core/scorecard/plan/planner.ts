/**
 * The declarative scorecard sheet: one plan for every dialect (Excel add-in, Sheets add-on, the
 * CLI's .xlsx), built from the roles, targets and options the sidebar sends and the workbook's
 * data. The planner binds the KPI definitions to columns and lays out their rows (kpi-row.ts),
 * helper blocks (helper-blocks.ts) and the blocks around them (extra-blocks.ts); it never names a
 * KPI. Every formula is built as an Expr, rendered for the dialect and evaluated on the workbook's
 * data for its cached value; a spilling formula also carries its whole cached spill.
 */
import type { BuildPlan, PlanInput } from '../api.js';
import { workbookEnv } from '../evaluate.js';
import { bindKpis } from '../kpis.js';
import type { BoundKpi } from '../kpis.js';
import { MAX_USER_CELLS } from '../previous.js';
import { chooseSheetName, DEFAULT_SHEET_NAMES } from '../sheet-name.js';
import type { SheetNameChoice } from '../sheet-name.js';
import type { LocalRef, RangeRef, Role, RoleAssignment, ScorecardPlan, StatusRule } from '../types.js';
import { Notes } from './context.js';
import type { PlanContext } from './context.js';
import { DataFacts } from './data-facts.js';
import { sourcesBlock, tableKpi, titleAndHeader } from './extra-blocks.js';
import { HelperBlocks } from './helper-blocks.js';
import { keepUserCells, ownedAreas } from './kept-cells.js';
import { kpiRow, seeNotes } from './kpi-row.js';
import { COL, COLUMN_WIDTHS, FIRST_KPI_ROW, HEADER_ROW, STATUS_COLORS, TREND_LAST } from './layout.js';
import { SheetWriter } from './sheet-model.js';
import { TEXT } from './texts.js';

export const buildPlan: BuildPlan = (input) => plan(input);

function context(input: PlanInput, choice: SheetNameChoice): PlanContext {
  const options = input.request.options;
  const lang = options.language === 'de' ? 'de' : 'en';
  // The environment reads the sheet's own cells from the writer's model (for formulas over cells planned before).
  let model: SheetWriter['model'] | undefined;
  const env = workbookEnv(input.data, (ref) => model?.read(ref) ?? []);
  const w = new SheetWriter(env, input.dialect);
  model = w.model;
  return {
    w, env, options, lang,
    ...(choice.previous ? { previous: choice.previous } : {}),
    reserved: [],
    request: input.request,
    t: TEXT[lang],
    dialect: input.dialect,
    portable: options.portable,
    data: new DataFacts(env, input.outline, input.dialect, options.period),
    helpers: new HelperBlocks(w, options, seeNotes(lang)),
    notes: new Notes(),
    actuals: new Map(),
    summary: [],
    trends: [],
    trendSources: [],
    dataBars: [],
  };
}

function plan(input: PlanInput): ScorecardPlan {
  const { request, existing, outline } = input;
  const wanted = request.options.sheetName || DEFAULT_SHEET_NAMES[request.options.language === 'de' ? 'de' : 'en'];
  const choice = chooseSheetName(wanted, existing, outline.sheetNames);
  const ctx = context(input, choice);
  const { t, lang, options, notes, w } = ctx;
  for (const s of existing) if (s.markerIgnored) notes.general.push(t.notOurs(s.name));
  const kept = existing.find((s) => s.ours && s.keep !== undefined && !choice.replaces);
  if (kept) notes.general.push(t.keptPrevious(kept.name, MAX_USER_CELLS));
  else if (choice.renamed && !choice.replaces) notes.general.push(t.renamed(wanted, choice.name));
  if (choice.replaces) notes.general.push(t.replaced(choice.replaces));

  const { bound, missing } = bindKpis(request.roles);
  for (const m of missing) {
    if (request.targets[m.kpi.info.id]?.enabled) notes.general.push(t.missing(m.kpi.def.name[lang], m.missing.join(', ')));
  }
  const enabled: { bound: BoundKpi; ranges: Map<Role, RangeRef> }[] = [];
  for (const b of bound) {
    if (request.targets[b.kpi.info.id]?.enabled === false) continue;
    const ranges = new Map<Role, RangeRef>();
    let lacking: RoleAssignment | undefined;
    for (const [role, a] of b.columns) {
      const r = ctx.data.rangeOf(a);
      if (r) ranges.set(role, r);
      else lacking = a;
    }
    if (lacking !== undefined) {
      const table = outline.sheets.some((s) => s.name === lacking!.sheet);
      notes.general.push(table ? t.noColumn(b.kpi.def.name[lang], lacking.sheet, lacking.column) : t.noSheet(b.kpi.def.name[lang], lacking.sheet));
      continue;
    }
    enabled.push({ bound: b, ranges });
  }

  const rows = enabled.filter((e) => e.bound.kpi.def.layout !== 'table');
  const tables = enabled.filter((e) => e.bound.kpi.def.layout === 'table');
  const keptTargets: string[] = [];
  const targetCells: Record<string, LocalRef> = {};
  rows.forEach((e, i) => {
    const row = FIRST_KPI_ROW + i;
    const id = e.bound.kpi.info.id;
    targetCells[id] = { row, col: COL.target };
    const typed = choice.targets?.[id];
    if (typeof typed === 'number' && Number.isFinite(typed)) keptTargets.push(e.bound.kpi.def.name[lang]);
    kpiRow(ctx, e.bound, e.ranges, row, typed);
  });
  if (keptTargets.length > 0) notes.general.push(t.keptTargets(keptTargets.join(', ')));

  let nextRow = FIRST_KPI_ROW + rows.length + 1;
  for (const e of tables) nextRow = tableKpi(ctx, e.bound, e.ranges, ctx.data.facts(e.bound.kpi.variant, e.ranges), nextRow) + 1;
  nextRow = sourcesBlock(ctx, enabled.map((e) => e.bound), nextRow);

  titleAndHeader(ctx, rows.length);
  const kpiCount = rows.length;
  if (kpiCount > 0) w.addBlock('kpis', FIRST_KPI_ROW, 1, kpiCount, TREND_LAST);

  // What the add-on wrote, then the manager's cells of the previous scorecard around it.
  const owned = ownedAreas(ctx, w.blocks, ctx.helpers.hidden);
  const userCells = keepUserCells(ctx, owned, nextRow + 1);

  const widths: Record<number, number> = { ...COLUMN_WIDTHS };
  for (let c = COL.trendFirst; c <= TREND_LAST; c++) widths[c] = 70;
  for (const c of ctx.helpers.hidden) widths[c] = 90;

  const statusRules: StatusRule[] = kpiCount > 0
    ? [{ range: { row: FIRST_KPI_ROW, col: COL.status, rows: kpiCount, cols: 1 }, colors: STATUS_COLORS }]
    : [];

  return {
    dialect: input.dialect,
    sheetName: choice.name,
    ...(choice.replaces ? { replaces: choice.replaces } : {}),
    blocks: w.blocks,
    columnWidths: widths,
    frozenRows: HEADER_ROW,
    frozenCols: COL.kpi,
    statusRules,
    trends: ctx.trends,
    dataBars: ctx.dataBars,
    hiddenColumns: ctx.helpers.hidden,
    marker: {
      key: 'service-kpi.scorecard', version: 1,
      kpis: enabled.map((e) => e.bound.kpi.info.id),
      targetCells,
      areas: [...owned, ...userCells.areas],
      ...(userCells.notes ? { notes: userCells.notes } : {}),
      wanted,
    },
    notes: notes.all(t),
    summary: ctx.summary,
  };
}
