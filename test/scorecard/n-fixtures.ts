/**
 * What the hand-computed n tests share (flag-counts.test.ts, contact-counts.test.ts): small sheets
 * with manager-assigned roles, planned in live or portable mode with the reporting date fixed, and
 * the figures a manager reads — a KPI's n per period, its row, Wilson's interval written out.
 */
import { buildPlan } from '../../core/scorecard/plan.js';
import type { GenerateRequest, Role, RoleAssignment, ScorecardPlan, SheetData, WorkbookData } from '../../core/scorecard/types.js';
import { outlineOf } from '../fixtures/plan-workbook.js';
import { nByPeriod } from './agreement-check.js';

export const sheet = (name: string, values: readonly (readonly unknown[])[]): SheetData => ({ name, originRow: 1, originCol: 1, values: values.map((r) => [...r]) });

/** The role of a sheet's column, named by the manager. */
export function at(data: WorkbookData, role: Role, sheetName: string, column: number): RoleAssignment {
  const header = String(data.sheets.find((s) => s.name === sheetName)!.values[0][column - 1]);
  return { role, sheet: sheetName, column, header, confidence: 1, source: 'manager' };
}

/** The scorecard by month, March 2026 reported, no minimum unless `options` set one. */
export function planOf(data: WorkbookData, roles: readonly RoleAssignment[], portable: boolean, options: Partial<GenerateRequest['options']> = {}): ScorecardPlan {
  return buildPlan({
    data,
    outline: outlineOf(data),
    request: {
      roles: [...roles],
      targets: {},
      options: {
        period: 'month', portable, language: 'en', slaHours: 24, tolerance: 0.05, brandAttributes: [], sheetName: 'KPI Scorecard',
        reportingDate: '2026-03-31', minAnswers: 0, minTickets: 0, ...options,
      },
    },
    dialect: 'xlsx',
    existing: [],
  });
}

/** A KPI's n per listed period, by label. */
export const nOf = (p: ScorecardPlan, id: string): Record<string, unknown> => Object.fromEntries(nByPeriod(p, id) ?? []);

export const summary = (p: ScorecardPlan, id: string) => p.summary.find((s) => s.id === id)!;

/** Wilson's 95 % interval for k of n, written out here (z = Φ⁻¹(0.975)). */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054, p = k / n, z2 = z * z;
  const mid = p + z2 / (2 * n), half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [(mid - half) / (1 + z2 / n), (mid + half) / (1 + z2 / n)];
}

export const MODES = [['live', false], ['portable', true]] as const;
