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
import { languageOrder } from '../date-order.js';
import { a1 } from '../formula.js';
import { MAX_USER_CELLS } from '../sheet-limits.js';
import { chooseSheetName, DEFAULT_SHEET_NAMES } from '../sheet-name.js';
import type { SheetNameChoice } from '../sheet-name.js';
import type { LocalRef, RangeRef, Role, RoleAssignment, ScorecardPlan, StatusRule } from '../types.js';
import { Notes } from './context.js';
import type { PlanContext } from './context.js';
import { DataFacts } from './data-facts.js';
import { agentBlock } from './agent-block.js';
import { findEventLogs, isLogRole } from './event-logs.js';
import { joinLog } from './log-join.js';
import { LOG_ROLES } from '../detect-log.js';
import { reportingDate, sourcesBlock, tableKpi, titleAndHeader } from './extra-blocks.js';
import { REPORTING_KEY } from './reporting-date.js';
import { HelperBlocks } from './helper-blocks.js';
import { staffingBlock } from './staffing.js';
import { keepUserCells, ownedAreas } from './kept-cells.js';
import { kpiRow, seeNotes } from './kpi-row.js';
import { COL, COLUMN_WIDTHS, FIRST_KPI_ROW, HEADER_ROW, REPORTING_DATE, STATUS_COLORS, TREND_LAST } from './layout.js';
import { SheetWriter } from './sheet-model.js';
import { TEXT } from './texts.js';
import { Timelines } from './timeline.js';

export const buildPlan: BuildPlan = (input) => plan(input);

function context(input: PlanInput, choice: SheetNameChoice): PlanContext {
  const options = input.request.options;
  const lang = options.language === 'de' ? 'de' : 'en';
  // The environment reads the sheet's own cells from the writer's model (for formulas over cells planned before).
  let model: SheetWriter['model'] | undefined;
  // Date text no cell of a call decides (05/02/2012) reads in the user's order, else the language's.
  const env = workbookEnv(input.data, (ref) => model?.read(ref) ?? [], { dateOrder: options.dateOrder ?? languageOrder(lang) });
  const w = new SheetWriter(env, input.dialect);
  model = w.model;
  const ctx: Omit<PlanContext, 'timelines'> & { timelines?: Timelines } = {
    w, env, options, lang,
    ...(choice.previous ? { previous: choice.previous } : {}),
    reserved: [],
    request: input.request,
    t: TEXT[lang],
    dialect: input.dialect,
    portable: options.portable,
    data: new DataFacts(env, input.outline, input.dialect, options.period, options),
    helpers: new HelperBlocks(w, options, seeNotes(lang)),
    notes: new Notes(),
    eventLogs: new Map(),
    logJoins: new Map(),
    actuals: new Map(),
    summary: [],
    trends: [],
    trendSources: [],
    dataBars: [],
  };
  ctx.timelines = new Timelines(ctx as PlanContext);
  return ctx as PlanContext;
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

  const reportingWritten = reportingDate(ctx);
  const { bound, missing } = bindKpis(request.roles);
  for (const m of missing) {
    if (request.targets[m.kpi.info.id]?.enabled) notes.general.push(t.missing(m.kpi.def.name[lang], m.missing.join(', ')));
  }
  const enabled: Enabled[] = [];
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
  eventLogNotes(ctx, enabled);

  const rows = enabled.filter((e) => e.bound.kpi.def.layout !== 'table' && !e.skipped);
  const tables = enabled.filter((e) => e.bound.kpi.def.layout === 'table' && !e.skipped);
  const keptTargets: string[] = [];
  const targetCells: Record<string, LocalRef> = {};
  // The contact-centre KPIs (sorted last among the rows) get a heading row above them.
  let row = FIRST_KPI_ROW - 1;
  let heading = false;
  rows.forEach((e) => {
    row++;
    if (e.bound.kpi.def.section === 'contact' && !heading) {
      heading = true;
      w.putValue(row, COL.perspective, t.contactSection, { style: 'section' });
      row++;
    }
    const id = e.bound.kpi.info.id;
    targetCells[id] = { row, col: COL.target };
    const typed = choice.targets?.[id];
    if (typeof typed === 'number' && Number.isFinite(typed)) keptTargets.push(e.bound.kpi.def.name[lang]);
    kpiRow(ctx, e.bound, e.ranges, row, typed);
  });
  if (keptTargets.length > 0) notes.general.push(t.keptTargets(keptTargets.join(', ')));

  const lastKpiRow = row;
  let nextRow = lastKpiRow + 2;
  for (const e of tables) nextRow = tableKpi(ctx, e.bound, e.ranges, ctx.data.facts(e.bound.kpi.variant, e.ranges), nextRow) + 1;
  // The blocks beside the KPI rows that call data allows: CSAT per agent, staffing by Erlang C.
  for (const block of [agentBlock, staffingBlock]) {
    const end = block(ctx, nextRow);
    if (end > nextRow) nextRow = end + 1;
  }
  nextRow = sourcesBlock(ctx, enabled.filter((e) => !e.skipped).map((e) => e.bound), nextRow);

  // A single period of data that is not complete yet: shown to date (timeline.ts) — say so, and how
  // to report it as complete. Still every KPI blank (a reporting date typed before the data's last
  // date): say why and how to report the data's period.
  const running = [...new Set(ctx.summary.filter((s) => s.toDate && s.period !== '').map((s) => s.period))];
  if (running.length > 0) notes.general.push(t.toDateNote(t.periodNames[options.period], running.join(', '), a1(REPORTING_DATE.row, REPORTING_DATE.col)));
  const trended = ctx.summary.filter((s) => s.trend.length > 0);
  const typedDate = w.model.value(REPORTING_DATE.row, REPORTING_DATE.col);
  if (trended.length > 0 && (typedDate === null || typedDate === '') && trended.every((s) => s.value === '' && s.trend.every((v) => v === ''))) {
    notes.general.push(t.noCompletePeriod(t.periodNames[options.period], a1(REPORTING_DATE.row, REPORTING_DATE.col)));
  }
  titleAndHeader(ctx, rows.length);
  const kpiCount = rows.length;
  // The rows of the KPIs and their section heading.
  const kpiRows = lastKpiRow - FIRST_KPI_ROW + 1;
  if (kpiCount > 0) w.addBlock('kpis', FIRST_KPI_ROW, 1, kpiRows, TREND_LAST);

  // What the add-on wrote, then the manager's cells of the previous scorecard around it.
  const owned = ownedAreas(ctx, w.blocks, ctx.helpers.hidden);
  const userCells = keepUserCells(ctx, owned, nextRow + 1);

  const widths: Record<number, number> = { ...COLUMN_WIDTHS };
  for (let c = COL.trendFirst; c <= TREND_LAST; c++) widths[c] = 70;
  for (const c of ctx.helpers.hidden) widths[c] = 90;

  const statusRules: StatusRule[] = kpiCount > 0
    ? [{ range: { row: FIRST_KPI_ROW, col: COL.status, rows: kpiRows, cols: 1 }, colors: STATUS_COLORS }]
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
      kpis: enabled.filter((e) => !e.skipped).map((e) => e.bound.kpi.info.id),
      targetCells,
      reportingDateCell: { ...REPORTING_DATE },
      // An input cell, not the manager's own: regeneration reads it back and writes the date typed
      // there or the settings', whichever changed since (reporting-date.ts).
      inputCells: { [REPORTING_KEY]: { ...REPORTING_DATE } },
      inputValues: { [REPORTING_KEY]: { written: reportingWritten ?? '', asked: options.reportingDate ?? '' } },
      areas: [...owned, ...userCells.areas],
      ...(userCells.notes ? { notes: userCells.notes } : {}),
      wanted,
    },
    notes: notes.all(t),
    summary: ctx.summary,
  };
}

interface Enabled {
  readonly bound: BoundKpi;
  readonly ranges: Map<Role, RangeRef>;
  /** Not shown: a status- or message-log KPI on a sheet that is no log. */
  skipped?: boolean;
}

/**
 * Finds the event logs (sheets whose ticket ids repeat) and says what follows: ticket KPIs on such
 * a sheet count each ticket once (with the counts), log KPIs on a sheet that is no log are not
 * shown, and a status or message log's KPIs say which log they walk and which status lists they use.
 */
function eventLogNotes(ctx: PlanContext, enabled: Enabled[]): void {
  const { t, notes } = ctx;
  const logs = findEventLogs(ctx.env, ctx.request.roles, (a) => ctx.data.rangeOf(a));
  for (const [sheet, log] of logs) ctx.eventLogs.set(sheet, log);
  const said = new Set<string>();
  for (const e of enabled) {
    const name = e.bound.kpi.def.name[ctx.lang];
    const logRole = [...e.ranges.keys()].find((role) => LOG_ROLES.includes(role));
    if (logRole) {
      const sheet = e.ranges.get(logRole)!.sheet;
      const log = logs.get(sheet);
      if (!log) {
        const ids = e.ranges.get('ticketId');
        notes.general.push(t.notALog(name, sheet, ids ? ctx.data.raw(ids).filter((r) => r[0] !== null && r[0] !== '').length : 0));
        e.skipped = true;
        continue;
      }
      const statuses = e.ranges.get('logStatus');
      const key = `${statuses ? 'status' : 'message'}\u0000${sheet}`;
      if (said.has(key)) continue;
      said.add(key);
      const join = joinLog(ctx.env, log, ctx.request.roles, logs, (a) => ctx.data.rangeOf(a));
      if (join) ctx.logJoins.set(sheet, join);
      if (!statuses) {
        notes.general.push(t.messageLog(sheet, log.rows, log.tickets));
        if (join) notes.general.push(t.logJoin(sheet, join));
        continue;
      }
      const lists = ctx.data.statusLists(log.ids, e.ranges.get('logTime')!, statuses);
      if (!lists) continue;
      const show = (xs: readonly string[]): string => (xs.length > 0 ? xs.map((s) => (lists.codeNames?.[s] ? `${s} (${lists.codeNames[s]})` : s)).join(', ') : t.noneListed);
      const how = lists.resolvedFrom === lists.pauseFrom || lists.pauseFrom === 'none' ? t.statusHow[lists.resolvedFrom] : `${t.statusHow[lists.resolvedFrom]}; ${t.statusHow[lists.pauseFrom]}`;
      notes.general.push(t.statusLists(sheet, log.rows, log.tickets, show(lists.resolved), show(lists.pause), how));
      if (join) notes.general.push(t.logJoin(sheet, join));
      continue;
    }
    for (const [role, ref] of e.ranges) {
      const log = logs.get(ref.sheet);
      if (!log || isLogRole(role) || said.has(ref.sheet)) continue;
      said.add(ref.sheet);
      notes.general.push(t.eventLog(ref.sheet, log.rows, log.tickets, log.idColumn.header, log.timeColumn?.header));
    }
  }
}
