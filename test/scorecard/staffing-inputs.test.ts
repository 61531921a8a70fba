/**
 * The plan never names a KPI: the staffing block (Erlang C) finds the KPIs it takes inputs from by
 * their definitions' `staffing` (the average handle time, the service-level target). Here: one KPI
 * for each input, of the unit the block reads; no file of the plan, the portable renderer or the
 * evaluator spells a KPI id; and the block takes the AHT KPI's actual when the queue report has no
 * handle time of its own, and the service-level KPI's target (call-centre fixture, April).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets, KPI_DEFINITIONS, KPI_IDS } from '../../core/scorecard/kpis.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { buildPlan, COL, planValues } from '../../core/scorecard/plan.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { ScorecardPlan } from '../../core/scorecard/types.js';
import { callCentre, peakOfLatestMonth, workbookData } from '../fixtures/call-centre.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The sources that lay out and evaluate any KPI: they may not name one. */
function layoutSources(): string[] {
  const dir = (d: string): string[] => readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.ts')).map((f) => `${d}/${f}`);
  return [...dir('core/scorecard/plan'), ...dir('core/scorecard/evaluate'), 'core/scorecard/plan.ts', 'core/scorecard/portable.ts', 'core/scorecard/evaluate.ts'];
}

describe('the KPIs the staffing block reads', () => {
  it('are one definition each, of the unit the block reads', () => {
    const marked = (what: string) => KPI_DEFINITIONS.filter((d) => d.staffing === what);
    expect(marked('handleTime').map((d) => d.unit)).toEqual(['seconds']);
    expect(marked('serviceLevelTarget').map((d) => d.unit)).toEqual(['share']);
  });

  it('are found without the plan naming them: no KPI id is a string in the plan, the portable renderer or the evaluator', () => {
    const files = layoutSources();
    expect(files).toContain('core/scorecard/plan/staffing.ts');
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // As a string ('aht') or as a key of the targets or the summary (targets.serviceLevel); an
      // option of the same name (options.brandAttributes) is no KPI.
      for (const id of KPI_IDS) expect(text, `${file} names ${id}`).not.toMatch(new RegExp(`['"\`]${id}['"\`]|(targets|summary)\\??\\.${id}\\b`));
    }
  });
});

describe('the staffing block of the call-centre workbook', () => {
  const f = callCentre('en');
  const data = workbookData(f);
  const outline = outlineWorkbook(data);
  const detected = detectRoles(outline);

  function planWith(roles: typeof detected, serviceLevelTarget?: number): ScorecardPlan {
    const targets = defaultTargets(availableKpis(roles).available);
    const level = KPI_DEFINITIONS.find((d) => d.staffing === 'serviceLevelTarget')!.id;
    if (serviceLevelTarget !== undefined) targets[level] = { ...targets[level], target: serviceLevelTarget };
    const request = { roles, targets, options: { ...defaultOptions('en'), reportingDate: '2026-04-30' } };
    return buildPlan({ data, outline, request, dialect: 'xlsx', existing: [] });
  }

  /** The block's inputs: contacts, interval, AHT, service-level target, threshold. */
  function inputs(p: ScorecardPlan): unknown[] {
    const values = planValues(p);
    let title = -1;
    for (const [k, v] of values) if (k.endsWith(`:${COL.kpi}`) && typeof v === 'string' && /Erlang C/.test(v)) title = Number(k.split(':')[0]);
    expect(title).toBeGreaterThan(0);
    return [1, 2, 3, 4, 5].map((k) => values.get(`${title + k}:${COL.actual}`));
  }

  it('takes the busiest interval\'s own AHT, and the service-level KPI\'s target', () => {
    const peak = peakOfLatestMonth(f);
    expect(detected.some((r) => r.role === 'avgHandleTime')).toBe(true);
    expect(inputs(planWith(detected, 0.9))).toEqual([peak.offered, 30, peak.aht, 0.9, 20]);
  });

  it('takes the AHT KPI\'s actual when the queue report has no handle time', () => {
    const roles = detected.filter((r) => r.role !== 'avgHandleTime');
    const p = planWith(roles);
    const ahtId = KPI_DEFINITIONS.find((d) => d.staffing === 'handleTime')!.id;
    const aht = p.summary.find((s) => s.id === ahtId)!.value as number;
    expect(aht).toBeGreaterThan(0);
    expect(aht).not.toBeCloseTo(peakOfLatestMonth(f).aht, 3);
    const [, , used, level] = inputs(p);
    expect(used).toBe(Math.round(aht * 1000) / 1000);
    expect(level).toBe(0.8);
  });
});
