import { describe, expect, it } from 'vitest';
import type { RoleAssignment, WorkbookOutline } from '../../core/scorecard/types.js';
import { assignRole, fieldOfSettingsPath, restoreRoles } from '../../sidebar/state.js';

const outline: WorkbookOutline = {
  sheetNames: ['Survey', 'Notes'],
  sheets: [{
    // A table that starts at B3: its columns are sheet columns 2–4.
    name: 'Survey', headerRow: 3, firstCol: 2, headers: ['Date', 'NPS', 'CSAT'],
    samples: [['2026-03-01T00:00:00'], [9], [5]], rowCount: 10, lastRow: 13,
  }],
};

const role = (r: Partial<RoleAssignment> & Pick<RoleAssignment, 'role' | 'column' | 'header'>): RoleAssignment =>
  ({ sheet: 'Survey', confidence: 0.9, source: 'detected', ...r });

describe('restoring stored roles against the workbook as it is now', () => {
  it('keeps roles whose column still has the same header', () => {
    const stored = [role({ role: 'npsScore', column: 3, header: 'NPS' })];
    expect(restoreRoles(stored, outline)).toEqual(stored);
  });

  it('follows a header that moved to another column', () => {
    const stored = [role({ role: 'satisfaction', column: 2, header: 'CSAT' })];
    expect(restoreRoles(stored, outline)).toEqual([role({ role: 'satisfaction', column: 4, header: 'CSAT' })]);
  });

  it('drops roles of sheets and headers that are gone', () => {
    expect(restoreRoles([
      role({ role: 'comment', column: 5, header: 'Comment' }),
      role({ role: 'npsScore', column: 3, header: 'NPS', sheet: 'Old survey' }),
    ], outline)).toEqual([]);
  });
});

describe('giving a column a role', () => {
  it('marks the choice as the manager\'s, with the column\'s header', () => {
    expect(assignRole([], outline, 'Survey', 2, 'surveyDate')).toEqual([
      { role: 'surveyDate', sheet: 'Survey', column: 2, header: 'Date', confidence: 1, source: 'manager' },
    ]);
  });

  it('ignores columns outside the table', () => {
    expect(assignRole([], outline, 'Survey', 1, 'surveyDate')).toEqual([]);
    expect(assignRole([], outline, 'Nowhere', 2, 'surveyDate')).toEqual([]);
  });
});

describe('settings messages find their field', () => {
  it('maps error paths to the field that shows them', () => {
    expect(fieldOfSettingsPath('targets.nps.target')).toBe('target:nps');
    expect(fieldOfSettingsPath('targets.csat')).toBe('target:csat');
    expect(fieldOfSettingsPath('options.slaHours')).toBe('slaHours');
    expect(fieldOfSettingsPath('options.brandAttributes.2')).toBe('brandAttributes');
    expect(fieldOfSettingsPath('options.reportingDate')).toBe('reportingDate');
    expect(fieldOfSettingsPath('options.minAnswers')).toBe('minAnswers');
    expect(fieldOfSettingsPath('options.minTickets')).toBe('minTickets');
    expect(fieldOfSettingsPath('roles[3].role')).toBe('settings');
  });
});
