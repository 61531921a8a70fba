/**
 * The KPIs a scorecard can show, in scorecard order (strategic first, then operational, then the
 * brand-attributes block): which catalog function each runs, its names and one-line definitions in
 * English and German, its unit, default target and direction, the roles it needs, the date role
 * whose periods give actual / previous / baseline / trend, and how the catalog call's arguments are
 * built from the role columns.
 *
 * Decisions (see also plan.ts and portable.ts):
 * - Periods: a KPI's periods come from one date column on the same sheet as its other columns:
 *   survey date for survey KPIs, resolved date for resolution times, SLA, resolved issues and
 *   productivity (a ticket counts when it is resolved), opened date for first response and the
 *   flag shares (first-contact resolution, reopen, conversion, complaints), the order date for
 *   orders and the period date of monthly figures.
 * - Active issues and backlog age are stocks, not flows: KPI_BY_PERIOD would count only the tickets
 *   opened in a period. Each period's value is the stock at the period's end, i.e. at 00:00 of the
 *   first day of the next period, but never later than the end of the latest day in the data
 *   (so the latest backlog age is not aged into the future). The as-of moments are whole days,
 *   written as DATE(…) literals at generation. Active issues' actual is the live count of open
 *   tickets over all rows (ACTIVE_ISSUES without as_of), so it moves as tickets are resolved.
 * - Complaint rate: when the complaint column sits on a sheet of monthly figures next to a customer
 *   count, COMPLAINT_RATE(complaints, customers) (complaints per customer); otherwise the complaint
 *   column is a per-ticket flag and the rate is the share of tickets flagged as complaints,
 *   computed with the catalog's share-of-flags function CONVERSION_RATE.
 * - Competitor gap has no periods: our NPS (the NPS row's actual when the scorecard has one, else
 *   the NPS of all responses) against every competitor row; no previous, baseline or trend.
 * - Default targets are common service benchmarks for a monthly scorecard; KPIs whose level depends
 *   on the business or the period length (money, counts, conversion, staff turnover) start without
 *   a target, for the manager to set.
 */
import type { AvailableKpis, DefaultTargets, ScorecardKpiInfo } from './api.js';
import { num } from './formula.js';
import type { Expr, KpiTarget, Role, RoleAssignment, ScorecardOptions } from './types.js';

/** How a KPI's values per period are obtained. */
export type KpiShape =
  /** KPI_BY_PERIOD over its date column. */
  | 'period'
  /** A stock at the end of each period (active issues, backlog age). */
  | 'stock'
  /** One value over all rows (competitor gap). */
  | 'gap'
  /** The brand-attributes block (tables, not a KPI row). */
  | 'brand';

/** Facts about the data the arguments depend on (read once at generation). */
export interface KpiFacts {
  /** Top of the satisfaction scale (5, 7, 10 or 100: the smallest that holds every rating). */
  readonly csatScale: number;
}

export interface KpiArgs {
  /** The role's column on the KPI's sheet. */
  range(role: Role): Expr;
  has(role: Role): boolean;
  readonly options: ScorecardOptions;
  readonly facts: KpiFacts;
}

export interface ScorecardKpi {
  readonly info: ScorecardKpiInfo;
  /** The catalog function actually called (differs from info.kpi only for variants). */
  readonly fn: string;
  readonly shape: KpiShape;
  /** The role whose dates define the periods (null: no periods). */
  readonly dateRole: Role | null;
  /** Roles used when present (cash out). */
  readonly optional: readonly Role[];
  /** True when the roles may sit on different sheets (competitor gap). */
  readonly crossSheet?: boolean;
  /** The catalog call's arguments (after kpi, dates and period when run by KPI_BY_PERIOD). */
  readonly args: (a: KpiArgs) => Expr[];
  /** Show the rows of the reporting period as the sample size n. */
  readonly showN: boolean;
  /** Confidence interval: NPS margin of error, or a Wilson interval of a share. */
  readonly ci?: 'nps' | 'wilson';
  /** The definition with its placeholders (`{sla}`, `{scale}`, `{top}`), filled in by definitionText. */
  readonly template: { readonly en: string; readonly de: string };
}

type Def = Omit<ScorecardKpi, 'info' | 'template'> & Omit<ScorecardKpiInfo, 'kpi'> & { readonly kpi?: string };

const T = (en: string, de: string): { en: string; de: string } => ({ en, de });

/** `{sla}` in a definition is replaced by the SLA hours of the options, `{scale}`/`{top}` by the CSAT scale. */
const DEFS: readonly Def[] = [
  // ---------------------------------------------------------------- strategic
  {
    id: 'retention', fn: 'RETENTION_RATE', shape: 'period', perspective: 'strategic', unit: 'share',
    name: T('Customer retention', 'Kundenbindungsrate'), defaultTarget: 0.9, direction: 'higher',
    definition: T('Customers kept: (customers at the end − new customers) ÷ customers at the start of the period.',
      'Gehaltene Kunden: (Kunden am Ende − Neukunden) ÷ Kunden zu Beginn des Zeitraums.'),
    needs: ['periodDate', 'customersStart', 'customersEnd', 'customersNew'], dateRole: 'periodDate', optional: [],
    args: (a) => [a.range('customersStart'), a.range('customersEnd'), a.range('customersNew')], showN: false,
  },
  {
    id: 'churn', fn: 'CHURN_RATE', shape: 'period', perspective: 'strategic', unit: 'share',
    name: T('Customer churn', 'Kundenabwanderung'), defaultTarget: 0.05, direction: 'lower',
    definition: T('Customers lost ÷ customers at the start of the period.', 'Verlorene Kunden ÷ Kunden zu Beginn des Zeitraums.'),
    needs: ['periodDate', 'customersStart', 'customersLost'], dateRole: 'periodDate', optional: [],
    args: (a) => [a.range('customersStart'), a.range('customersLost')], showN: false,
  },
  {
    id: 'revenuePerCustomer', fn: 'REVENUE_PER_CUSTOMER', shape: 'period', perspective: 'strategic', unit: 'money',
    name: T('Revenue per customer', 'Umsatz pro Kunde'), defaultTarget: null, direction: 'higher',
    definition: T('Revenue ÷ number of different customers who ordered in the period.',
      'Umsatz ÷ Anzahl verschiedener Kunden, die im Zeitraum bestellt haben.'),
    needs: ['orderDate', 'orderAmount', 'customerId'], dateRole: 'orderDate', optional: [],
    args: (a) => [a.range('orderAmount'), a.range('customerId')], showN: true,
  },
  {
    id: 'profitPerCustomer', fn: 'REVENUE_PER_CUSTOMER', shape: 'period', perspective: 'strategic', unit: 'money',
    name: T('Profit per customer', 'Gewinn pro Kunde'), defaultTarget: null, direction: 'higher',
    definition: T('Profit ÷ number of different customers who ordered in the period.',
      'Gewinn ÷ Anzahl verschiedener Kunden, die im Zeitraum bestellt haben.'),
    needs: ['orderDate', 'orderProfit', 'customerId'], dateRole: 'orderDate', optional: [],
    args: (a) => [a.range('orderProfit'), a.range('customerId')], showN: true,
  },
  {
    id: 'nps', fn: 'NPS', shape: 'period', perspective: 'strategic', unit: 'points',
    name: T('Net Promoter Score', 'Net Promoter Score'), defaultTarget: 30, direction: 'higher',
    definition: T('% promoters (9–10) − % detractors (0–6) of the survey answers, in points (Bain).',
      '% Promotoren (9–10) − % Detraktoren (0–6) der Umfrageantworten, in Punkten (Bain).'),
    needs: ['surveyDate', 'npsScore'], dateRole: 'surveyDate', optional: [],
    args: (a) => [a.range('npsScore')], showN: true, ci: 'nps',
  },
  {
    id: 'competitorGap', fn: 'COMPETITOR_GAP', shape: 'gap', perspective: 'strategic', unit: 'points',
    name: T('NPS gap to competitors', 'NPS-Abstand zum Wettbewerb'), defaultTarget: 0, direction: 'higher',
    definition: T('Our NPS − the competitors’ average NPS; positive means we are ahead. All rows, no trend.',
      'Unser NPS − durchschnittlicher NPS der Wettbewerber; positiv heißt: wir liegen vorn. Alle Zeilen, kein Verlauf.'),
    needs: ['npsScore', 'competitorNps'], dateRole: null, optional: ['surveyDate'], crossSheet: true,
    args: (a) => [a.range('competitorNps')], showN: false,
  },
  // ---------------------------------------------------------------- operational
  {
    id: 'csat', fn: 'CSAT', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('Customer satisfaction (CSAT)', 'Kundenzufriedenheit (CSAT)'), defaultTarget: 0.8, direction: 'higher',
    definition: T('Share of satisfied ratings: the top two steps of the scale ({top}–{scale} of {scale}).',
      'Anteil zufriedener Bewertungen: die zwei besten Stufen der Skala ({top}–{scale} von {scale}).'),
    needs: ['surveyDate', 'satisfaction'], dateRole: 'surveyDate', optional: [],
    args: (a) => [a.range('satisfaction'), num(a.facts.csatScale)], showN: true, ci: 'wilson',
  },
  {
    id: 'avgResolution', fn: 'AVG_RESOLUTION', shape: 'period', perspective: 'operational', unit: 'hours',
    name: T('Average resolution time', 'Durchschnittliche Lösungszeit'), defaultTarget: 24, direction: 'lower',
    definition: T('Mean hours from opened to resolved, for the tickets resolved in the period.',
      'Mittlere Stunden von Eröffnung bis Lösung, für die im Zeitraum gelösten Tickets.'),
    needs: ['ticketResolved', 'ticketOpened'], dateRole: 'ticketResolved', optional: [],
    args: (a) => [a.range('ticketOpened'), a.range('ticketResolved')], showN: true,
  },
  {
    id: 'medianResolution', fn: 'MEDIAN_RESOLUTION', shape: 'period', perspective: 'operational', unit: 'hours',
    name: T('Median resolution time', 'Median der Lösungszeit'), defaultTarget: 8, direction: 'lower',
    definition: T('Half of the tickets resolved in the period took at most this many hours.',
      'Die Hälfte der im Zeitraum gelösten Tickets brauchte höchstens so viele Stunden.'),
    needs: ['ticketResolved', 'ticketOpened'], dateRole: 'ticketResolved', optional: [],
    args: (a) => [a.range('ticketOpened'), a.range('ticketResolved')], showN: true,
  },
  {
    id: 'firstResponse', fn: 'AVG_FIRST_RESPONSE', shape: 'period', perspective: 'operational', unit: 'hours',
    name: T('First response time', 'Erstreaktionszeit'), defaultTarget: 4, direction: 'lower',
    definition: T('Mean hours from opened to the first response, for the tickets opened in the period.',
      'Mittlere Stunden von Eröffnung bis zur ersten Antwort, für die im Zeitraum eröffneten Tickets.'),
    needs: ['ticketOpened', 'firstResponse'], dateRole: 'ticketOpened', optional: [],
    args: (a) => [a.range('ticketOpened'), a.range('firstResponse')], showN: true,
  },
  {
    id: 'sla', fn: 'SLA_ATTAINMENT', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('SLA attainment', 'SLA-Erfüllung'), defaultTarget: 0.9, direction: 'higher',
    definition: T('Share of the tickets resolved in the period that were resolved within {sla} hours.',
      'Anteil der im Zeitraum gelösten Tickets, die innerhalb von {sla} Stunden gelöst wurden.'),
    needs: ['ticketResolved', 'ticketOpened'], dateRole: 'ticketResolved', optional: [],
    args: (a) => [a.range('ticketOpened'), a.range('ticketResolved'), num(a.options.slaHours)], showN: true,
  },
  {
    id: 'fcr', fn: 'FIRST_CONTACT_RESOLUTION', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('First-contact resolution', 'Erstlösungsquote'), defaultTarget: 0.7, direction: 'higher',
    definition: T('Share of the tickets opened in the period that were solved at the first contact.',
      'Anteil der im Zeitraum eröffneten Tickets, die beim ersten Kontakt gelöst wurden.'),
    needs: ['ticketOpened', 'firstContactResolved'], dateRole: 'ticketOpened', optional: [],
    args: (a) => [a.range('firstContactResolved')], showN: true,
  },
  {
    id: 'reopenRate', fn: 'REOPEN_RATE', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('Reopen rate', 'Wiedereröffnungsquote'), defaultTarget: 0.05, direction: 'lower',
    definition: T('Share of the tickets opened in the period that were reopened after being resolved.',
      'Anteil der im Zeitraum eröffneten Tickets, die nach der Lösung wieder geöffnet wurden.'),
    needs: ['ticketOpened', 'reopened'], dateRole: 'ticketOpened', optional: [],
    args: (a) => [a.range('reopened')], showN: true,
  },
  {
    id: 'conversion', fn: 'CONVERSION_RATE', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('Conversion rate', 'Konversionsrate'), defaultTarget: null, direction: 'higher',
    definition: T('Share of the contacts in the period that converted (e.g. into a sale).',
      'Anteil der Kontakte im Zeitraum, die zu einem Abschluss führten (z. B. einem Kauf).'),
    needs: ['ticketOpened', 'converted'], dateRole: 'ticketOpened', optional: [],
    args: (a) => [a.range('converted')], showN: true,
  },
  {
    id: 'activeIssues', fn: 'ACTIVE_ISSUES', shape: 'stock', perspective: 'operational', unit: 'count',
    name: T('Active issues', 'Offene Tickets'), defaultTarget: null, direction: 'lower',
    definition: T('Tickets open now (opened, not resolved); earlier periods: open at the end of the period.',
      'Jetzt offene Tickets (eröffnet, nicht gelöst); frühere Zeiträume: offen am Ende des Zeitraums.'),
    needs: ['ticketOpened', 'ticketResolved'], dateRole: 'ticketOpened', optional: [],
    args: (a) => [a.range('ticketOpened'), a.range('ticketResolved')], showN: false,
  },
  {
    id: 'resolvedIssues', fn: 'RESOLVED_ISSUES', shape: 'period', perspective: 'operational', unit: 'count',
    name: T('Resolved issues', 'Gelöste Tickets'), defaultTarget: null, direction: 'higher',
    definition: T('Number of tickets resolved in the period.', 'Anzahl der im Zeitraum gelösten Tickets.'),
    needs: ['ticketResolved'], dateRole: 'ticketResolved', optional: [],
    args: (a) => [a.range('ticketResolved')], showN: false,
  },
  {
    id: 'backlogAge', fn: 'BACKLOG_AGE', shape: 'stock', perspective: 'operational', unit: 'hours',
    name: T('Backlog age', 'Alter des Rückstands'), defaultTarget: 48, direction: 'lower',
    definition: T('Mean age in hours of the tickets open at the end of the period (latest: at the end of the latest day in the data).',
      'Mittleres Alter in Stunden der am Ende des Zeitraums offenen Tickets (aktuell: am Ende des letzten Tages in den Daten).'),
    needs: ['ticketOpened', 'ticketResolved'], dateRole: 'ticketOpened', optional: [],
    args: (a) => [a.range('ticketOpened'), a.range('ticketResolved')], showN: false,
  },
  {
    id: 'productivity', fn: 'RESOLVED_PER_AGENT', shape: 'period', perspective: 'operational', unit: 'number',
    name: T('Resolved tickets per agent', 'Gelöste Tickets pro Mitarbeiter'), defaultTarget: null, direction: 'higher',
    definition: T('Tickets resolved in the period ÷ number of different agents who resolved them.',
      'Im Zeitraum gelöste Tickets ÷ Anzahl verschiedener Mitarbeiter, die sie gelöst haben.'),
    needs: ['ticketResolved', 'agent'], dateRole: 'ticketResolved', optional: [],
    args: (a) => [a.range('agent'), a.range('ticketResolved')], showN: true,
  },
  // Two variants of one KPI: the first whose roles are present is used (see the module comment).
  {
    id: 'complaintRate', fn: 'COMPLAINT_RATE', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('Complaint rate', 'Beschwerdequote'), defaultTarget: 0.02, direction: 'lower',
    definition: T('Complaints in the period ÷ average number of customers.', 'Beschwerden im Zeitraum ÷ durchschnittliche Kundenzahl.'),
    needs: ['periodDate', 'complaint', 'customersEnd'], dateRole: 'periodDate', optional: [],
    args: (a) => [a.range('complaint'), a.range('customersEnd')], showN: false,
  },
  {
    id: 'complaintRate', kpi: 'CONVERSION_RATE', fn: 'CONVERSION_RATE', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('Complaint rate', 'Beschwerdequote'), defaultTarget: 0.02, direction: 'lower',
    definition: T('Share of the tickets opened in the period that are complaints.',
      'Anteil der im Zeitraum eröffneten Tickets, die Beschwerden sind.'),
    needs: ['ticketOpened', 'complaint'], dateRole: 'ticketOpened', optional: [],
    args: (a) => [a.range('complaint')], showN: true,
  },
  {
    id: 'returnRate', fn: 'RETURN_RATE', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('Return rate', 'Retourenquote'), defaultTarget: 0.05, direction: 'lower',
    definition: T('Units returned ÷ units sold, for the orders of the period.', 'Zurückgesandte ÷ verkaufte Stück, für die Bestellungen des Zeitraums.'),
    needs: ['orderDate', 'unitsReturned', 'unitsSold'], dateRole: 'orderDate', optional: [],
    args: (a) => [a.range('unitsReturned'), a.range('unitsSold')], showN: true,
  },
  {
    id: 'turnover', fn: 'EMPLOYEE_TURNOVER', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('Employee turnover', 'Mitarbeiterfluktuation'), defaultTarget: null, direction: 'lower',
    definition: T('Leavers ÷ average headcount of the period (SHRM).', 'Abgänge ÷ durchschnittlicher Personalbestand des Zeitraums (SHRM).'),
    needs: ['periodDate', 'separations', 'headcountStart', 'headcountEnd'], dateRole: 'periodDate', optional: [],
    args: (a) => [a.range('separations'), a.range('headcountStart'), a.range('headcountEnd')], showN: false,
  },
  {
    id: 'employeeRetention', fn: 'EMPLOYEE_RETENTION', shape: 'period', perspective: 'operational', unit: 'share',
    name: T('Employee retention', 'Mitarbeiterbindung'), defaultTarget: null, direction: 'higher',
    definition: T('Staff kept: (headcount at the end − hires) ÷ headcount at the start of the period.',
      'Gehaltene Mitarbeiter: (Bestand am Ende − Einstellungen) ÷ Bestand zu Beginn des Zeitraums.'),
    needs: ['periodDate', 'headcountStart', 'headcountEnd', 'hires'], dateRole: 'periodDate', optional: [],
    args: (a) => [a.range('headcountStart'), a.range('headcountEnd'), a.range('hires')], showN: false,
  },
  {
    id: 'cashFlow', fn: 'CASH_FLOW', shape: 'period', perspective: 'operational', unit: 'money',
    name: T('Cash flow', 'Cashflow'), defaultTarget: 0, direction: 'higher',
    definition: T('Cash in − cash out in the period.', 'Einzahlungen − Auszahlungen im Zeitraum.'),
    needs: ['periodDate', 'cashIn'], dateRole: 'periodDate', optional: ['cashOut'],
    args: (a) => (a.has('cashOut') ? [a.range('cashIn'), a.range('cashOut')] : [a.range('cashIn')]), showN: false,
  },
  // ---------------------------------------------------------------- brand block
  {
    id: 'brandAttributes', fn: 'BRAND_ATTRIBUTES', shape: 'brand', perspective: 'strategic', unit: 'number',
    name: T('Brand attributes', 'Markenattribute'), defaultTarget: null, direction: 'higher',
    definition: T('The words customers use most in their comments, by share of comments that mention them.',
      'Die Wörter, die Kunden in Kommentaren am häufigsten verwenden, nach Anteil der Kommentare, die sie nennen.'),
    needs: ['comment'], dateRole: null, optional: [],
    args: (a) => [a.range('comment'), num(10)], showN: false,
  },
];

/** Every scorecard KPI (variants included), in scorecard order. */
export const SCORECARD_KPIS: readonly ScorecardKpi[] = DEFS.map((d) => {
  const { fn, shape, dateRole, optional, crossSheet, args, showN, ci, kpi, ...info } = d;
  // The sidebar shows the definition before any data is read: the usual 5-point scale, the default SLA.
  const fill = (t: string): string => t.replace(/\{scale\}/g, '5').replace('{top}', '4').replace('{sla}', '24');
  const definition = { en: fill(info.definition.en), de: fill(info.definition.de) };
  return {
    info: { ...info, definition, kpi: kpi ?? fn },
    fn, shape, dateRole, optional, crossSheet, args, showN, ci, template: info.definition,
  };
});

/** The ids in scorecard order (each once). */
export const KPI_IDS: readonly string[] = [...new Set(SCORECARD_KPIS.map((k) => k.info.id))];

export function kpiInfoById(id: string): ScorecardKpiInfo | undefined {
  return SCORECARD_KPIS.find((k) => k.info.id === id)?.info;
}

/** A definition with `{sla}`, `{scale}` and `{top}` filled in. */
export function definitionText(kpi: ScorecardKpi, language: 'en' | 'de', options: Pick<ScorecardOptions, 'slaHours'>, facts: KpiFacts = { csatScale: 5 }): string {
  const hours = language === 'de' ? String(options.slaHours).replace('.', ',') : String(options.slaHours);
  return kpi.template[language]
    .replace('{sla}', hours)
    .replace(/\{scale\}/g, String(facts.csatScale))
    .replace('{top}', String(facts.csatScale - 1));
}

// ------------------------------------------------------------------ binding roles to columns

export interface BoundKpi {
  readonly kpi: ScorecardKpi;
  /** The column of each role the KPI uses (needed and optional ones present). */
  readonly columns: ReadonlyMap<Role, RoleAssignment>;
}

/** Manager choices first, then the surest detection. */
function better(a: RoleAssignment, b: RoleAssignment): RoleAssignment {
  if (a.source !== b.source) return a.source === 'manager' ? a : b;
  return b.confidence > a.confidence ? b : a;
}

/**
 * Finds columns for a KPI: all on one sheet (the sheet with the fewest missing roles; ties: the
 * first sheet of the first needed role) unless the KPI allows several sheets.
 */
export function bindKpi(kpi: ScorecardKpi, roles: readonly RoleAssignment[]): { bound: BoundKpi } | { missing: Role[] } {
  const wanted = [...kpi.info.needs, ...kpi.optional];
  const pick = (list: readonly RoleAssignment[]): Map<Role, RoleAssignment> => {
    const m = new Map<Role, RoleAssignment>();
    for (const r of list) {
      if (!wanted.includes(r.role)) continue;
      const have = m.get(r.role);
      m.set(r.role, have ? better(have, r) : r);
    }
    return m;
  };
  if (kpi.crossSheet) {
    const columns = pick(roles);
    const missing = kpi.info.needs.filter((r) => !columns.has(r));
    return missing.length > 0 ? { missing } : { bound: { kpi, columns } };
  }
  const sheets: string[] = [];
  for (const r of roles) if (wanted.includes(r.role) && !sheets.includes(r.sheet)) sheets.push(r.sheet);
  let best: { columns: Map<Role, RoleAssignment>; missing: Role[] } | undefined;
  for (const sheet of sheets) {
    const columns = pick(roles.filter((r) => r.sheet === sheet));
    const missing = kpi.info.needs.filter((r) => !columns.has(r));
    if (!best || missing.length < best.missing.length) best = { columns, missing };
  }
  if (!best) return { missing: [...kpi.info.needs] };
  return best.missing.length > 0 ? { missing: best.missing } : { bound: { kpi, columns: best.columns } };
}

/** The first variant of each KPI id that the roles support, in scorecard order; for the others the roles missing from their last variant. */
export function bindKpis(roles: readonly RoleAssignment[]): {
  readonly bound: readonly BoundKpi[];
  readonly missing: readonly { readonly kpi: ScorecardKpi; readonly missing: readonly Role[] }[];
} {
  const bound: BoundKpi[] = [];
  const missing: { kpi: ScorecardKpi; missing: Role[] }[] = [];
  for (const id of KPI_IDS) {
    const variants = SCORECARD_KPIS.filter((k) => k.info.id === id);
    let found: BoundKpi | undefined;
    let lack: { kpi: ScorecardKpi; missing: Role[] } | undefined;
    for (const v of variants) {
      const r = bindKpi(v, roles);
      if ('bound' in r) {
        found = r.bound;
        break;
      }
      // Report the variant that is closest; on a tie the later (more common: per-ticket) one.
      if (!lack || r.missing.length <= lack.missing.length) lack = { kpi: v, missing: r.missing };
    }
    if (found) bound.push(found);
    else if (lack) missing.push(lack);
  }
  return { bound, missing };
}

/** Plain data only (it crosses google.script.run and postMessage): a copy without functions. */
function plainInfo(info: ScorecardKpiInfo): ScorecardKpiInfo {
  return {
    id: info.id, kpi: info.kpi, name: { ...info.name }, perspective: info.perspective, unit: info.unit,
    defaultTarget: info.defaultTarget, direction: info.direction, definition: { ...info.definition }, needs: [...info.needs],
  };
}

export const availableKpis: AvailableKpis = (roles) => {
  const { bound, missing } = bindKpis(roles);
  return {
    available: bound.map((b) => plainInfo(b.kpi.info)),
    missing: missing.map((m) => ({ info: plainInfo(m.kpi.info), missing: [...m.missing] })),
  };
};

export const defaultTargets: DefaultTargets = (kpis) => {
  const out: Record<string, KpiTarget> = {};
  for (const k of kpis) out[k.id] = { target: k.defaultTarget, direction: k.direction, enabled: true };
  return out;
};
