import { describe, expect, it } from 'vitest';
import { CATALOG_NAMES } from '../../core/catalog/index.js';
import { DEFAULT_FACTS, SECTIONS } from '../../core/scorecard/definition.js';
import { availableKpis, defaultTargets, fillDefinition, KPI_DEFINITIONS, KPI_IDS, SCORECARD_KPIS } from '../../core/scorecard/kpis.js';
import type { Role, RoleAssignment } from '../../core/scorecard/types.js';
import { PLAN_ROLES } from '../fixtures/plan-workbook.js';

const assign = (role: Role, sheet: string, column: number, source: RoleAssignment['source'] = 'detected', confidence = 0.8): RoleAssignment =>
  ({ role, sheet, column, header: role, confidence, source });

/** The plan workbook's roles plus a call log, a queue report and survey effort/invitation columns: every role. */
const EVERY_ROLE: RoleAssignment[] = [
  ...PLAN_ROLES,
  ...(['callDate', 'agent', 'callWait', 'callAnswered', 'talkTime', 'holdTime', 'wrapTime', 'satisfaction'] as const).map((r, i) => assign(r, 'Calls', i + 1)),
  ...(['callDate', 'callsOffered', 'callsAnswered', 'callsAbandoned', 'avgAnswerTime', 'avgHandleTime', 'serviceLevelShare', 'handleTime'] as const).map((r, i) => assign(r, 'Queue', i + 1)),
  assign('effortScore', 'Survey', 8), assign('surveySent', 'Survey', 9),
];

describe('scorecard KPIs', () => {
  it('are listed strategic first, then operational, then the contact centre, then the brand block', () => {
    expect(KPI_IDS).toEqual([
      'retention', 'churn', 'revenuePerCustomer', 'profitPerCustomer', 'nps', 'competitorGap',
      'csat', 'avgResolution', 'pausedResolution', 'requesterWait', 'medianResolution', 'firstResponse', 'nextReply', 'sla', 'pausedSla',
      'fcr', 'reopenRate', 'conversion', 'activeIssues', 'resolvedIssues', 'backlogAge', 'productivity', 'complaintRate', 'returnRate',
      'turnover', 'employeeRetention', 'cashFlow', 'timeByStatus', 'serviceLevel', 'abandonRate', 'asa', 'aht', 'ces', 'responseRate',
      'brandAttributes',
    ]);
    const perspectives = KPI_IDS.slice(0, -1).map((id) => SCORECARD_KPIS.find((k) => k.info.id === id)!.info.perspective);
    expect(perspectives.lastIndexOf('strategic')).toBeLessThan(perspectives.indexOf('operational'));
  });

  it('each run a catalog function and say what they are in English and in German', () => {
    for (const k of SCORECARD_KPIS) {
      expect(CATALOG_NAMES as readonly string[]).toContain(k.variant.fn);
      expect(k.info.kpi).toBe(k.variant.fn);
      for (const lang of ['en', 'de'] as const) {
        expect(k.info.name[lang].length).toBeGreaterThan(2);
        const text = fillDefinition(k.info.definition[lang], lang, { slaHours: 24 });
        expect(text).toMatch(/\.$/);
        expect(text).not.toMatch(/\{/);
      }
      expect(k.info.definition.de).not.toBe(k.info.definition.en);
      if ('dates' in k.variant && k.variant.dates) expect(k.info.needs).toContain(k.variant.dates);
    }
  });

  it('fill the SLA hours into the definition the sidebar shows, with a decimal comma in German', () => {
    const sla = SCORECARD_KPIS.find((k) => k.info.id === 'sla' && k.info.kpi === 'SLA_ATTAINMENT')!.info;
    expect(sla.definition.en).toContain('{sla}');
    expect(fillDefinition(sla.definition.en, 'en', { slaHours: 8 })).toBe('Share of the tickets resolved in the period that were resolved within 8 hours.');
    expect(fillDefinition(sla.definition.de, 'de', { slaHours: 4.5 })).toContain('innerhalb von 4,5 Stunden');
    const csat = SCORECARD_KPIS.find((k) => k.info.id === 'csat')!.info;
    expect(fillDefinition(csat.definition.en, 'en', { slaHours: 24 }, { ...DEFAULT_FACTS, csatScale: 7 })).toContain('(6–7 of 7)');
    // Words of a 3-point scale (Freshdesk): only the top answer is satisfied, as CSAT counts it.
    expect(fillDefinition(csat.definition.en, 'en', { slaHours: 24 }, { ...DEFAULT_FACTS, csatScale: 3, csatWords: true })).toBe('Share of satisfied ratings: the best answer of the 3-step word scale.');
    expect(fillDefinition(csat.definition.de, 'de', { slaHours: 24 })).toBe('Anteil zufriedener Bewertungen: die zwei besten Stufen der Skala (4–5 von 5).');
  });

  it('each live in their own module with a unique id, sorted by section and order', () => {
    const ids = KPI_DEFINITIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of KPI_DEFINITIONS) expect(d.variants.length).toBeGreaterThan(0);
    const keys = KPI_DEFINITIONS.map((d) => [SECTIONS.indexOf(d.section), d.order]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('are all available from a workbook with every role, as plain data', () => {
    const { available, missing } = availableKpis(EVERY_ROLE);
    expect(available.map((k) => k.id)).toEqual(KPI_IDS);
    expect(missing).toEqual([]);
    // Plain data: survives JSON (google.script.run, postMessage) unchanged.
    expect(JSON.parse(JSON.stringify(available))).toEqual(available);
    expect(available.every((k) => Object.values(k).every((v) => typeof v !== 'function'))).toBe(true);
  });

  it('name the roles a KPI still lacks', () => {
    const { available, missing } = availableKpis([assign('surveyDate', 'Survey', 1), assign('npsScore', 'Survey', 2)]);
    expect(available.map((k) => k.id)).toEqual(['nps']);
    expect(missing.find((m) => m.info.id === 'csat')!.missing).toEqual(['satisfaction']);
    expect(missing.find((m) => m.info.id === 'competitorGap')!.missing).toEqual(['competitorNps']);
    // The closest variant: a customer list's churn column, one column away.
    expect(missing.find((m) => m.info.id === 'retention')!.missing).toEqual(['churned']);
  });

  it('need their columns on one sheet (the competitor gap excepted)', () => {
    const roles = [assign('orderDate', 'Orders', 1), assign('orderAmount', 'Orders', 3), assign('customerId', 'Tickets', 7)];
    expect(availableKpis(roles).missing.find((m) => m.info.id === 'revenuePerCustomer')!.missing).toEqual(['customerId']);
    const gap = [assign('npsScore', 'Survey', 2), assign('competitorNps', 'Competitors', 2)];
    // NPS over all answers (no survey date), the gap across sheets.
    expect(availableKpis(gap).available.map((k) => k.id)).toEqual(['nps', 'competitorGap']);
  });

  it('compute the complaint rate per customer from monthly figures, else as the share of complaint tickets', () => {
    const monthly = [assign('periodDate', 'M', 1), assign('complaint', 'M', 2), assign('customersEnd', 'M', 3)];
    expect(availableKpis(monthly).available.find((k) => k.id === 'complaintRate')!.kpi).toBe('COMPLAINT_RATE');
    const tickets = [assign('ticketOpened', 'T', 1), assign('complaint', 'T', 2)];
    expect(availableKpis(tickets).available.find((k) => k.id === 'complaintRate')!.kpi).toBe('CONVERSION_RATE');
    // Neither: the per-ticket variant's missing roles are reported.
    expect(availableKpis([assign('complaint', 'T', 2)]).missing.find((m) => m.info.id === 'complaintRate')!.missing).toEqual(['ticketOpened']);
  });

  it("prefer the manager's column to a detected one", () => {
    const roles = [assign('surveyDate', 'S', 1), assign('npsScore', 'S', 2, 'detected', 0.9), assign('npsScore', 'S', 5, 'manager', 1)];
    expect(availableKpis(roles).available.map((k) => k.id)).toEqual(['nps']);
  });

  it('start enabled with their default target and direction', () => {
    const { available } = availableKpis(EVERY_ROLE);
    const t = defaultTargets(available);
    expect(t.nps).toEqual({ target: 30, direction: 'higher', enabled: true });
    expect(t.avgResolution).toEqual({ target: 24, direction: 'lower', enabled: true });
    expect(t.revenuePerCustomer).toEqual({ target: null, direction: 'higher', enabled: true });
    expect(Object.keys(t)).toEqual(KPI_IDS);
  });
});
