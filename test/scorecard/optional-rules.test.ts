/**
 * A rule over an optional column the data does not have rejects nothing: AHT over calls with a talk
 * time only (no hold, no after-call work) is planned in live and portable mode alike, with the mean
 * talk time computed here by hand (it stopped with "internal: aht has no column for holdTime").
 */
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../core/scorecard/plan.js';
import type { GenerateRequest, RoleAssignment, WorkbookData } from '../../core/scorecard/types.js';
import { outlineOf } from '../fixtures/plan-workbook.js';

const serialOf = (iso: string): number => Date.parse(`${iso}Z`) / 86_400_000 + 25_569;
// 24 calls, 12 in March and 12 in April 2026, talk 60…290 s.
const CALLS = Array.from({ length: 24 }, (_, i) => [serialOf(`2026-0${3 + Math.floor(i / 12)}-${String(1 + (i % 12) * 2).padStart(2, '0')}T10:00`), 60 + 10 * i]);
const MARCH_AHT = CALLS.slice(0, 12).reduce((a, r) => a + (r[1] as number), 0) / 12;

const ROLES: RoleAssignment[] = [
  { role: 'callDate', sheet: 'Calls', column: 1, header: 'Call date', confidence: 1, source: 'manager' },
  { role: 'talkTime', sheet: 'Calls', column: 2, header: 'Talk time (s)', confidence: 1, source: 'manager' },
];

describe.each([false, true])('AHT over talk-only calls (portable: %s)', (portable) => {
  it('is the mean talk time of the period', () => {
    const data: WorkbookData = { sheets: [{ name: 'Calls', originRow: 1, originCol: 1, values: [['Call date', 'Talk time (s)'], ...CALLS] }], timeZone: 'UTC' };
    const request: GenerateRequest = {
      roles: ROLES, targets: {},
      options: { period: 'month', portable, language: 'en', slaHours: 24, tolerance: 0.05, brandAttributes: [], sheetName: 'KPI Scorecard', reportingDate: null, minAnswers: 30, minTickets: 10 },
    };
    const plan = buildPlan({ data, outline: outlineOf(data), request, dialect: 'xlsx', existing: [] });
    const aht = plan.summary.find((s) => s.id === 'aht')!;
    expect(aht.period).toBe('2026-03');
    expect(aht.value as number).toBeCloseTo(MARCH_AHT, 9);
  });
});
