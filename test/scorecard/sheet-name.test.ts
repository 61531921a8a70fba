import { describe, expect, it } from 'vitest';
import { chooseSheetName, numberedName } from '../../core/scorecard/sheet-name.js';

describe('the scorecard sheet name', () => {
  it('is the wanted name when no sheet has it', () => {
    expect(chooseSheetName('KPI Scorecard', [{ name: 'Data', ours: false }])).toEqual({ name: 'KPI Scorecard', renamed: false });
  });

  it("never replaces a user's sheet: the next free numbered name instead", () => {
    const existing = [{ name: 'KPI Scorecard', ours: false }, { name: 'KPI Scorecard (2)', ours: false }];
    expect(chooseSheetName('KPI Scorecard', existing)).toEqual({ name: 'KPI Scorecard (3)', renamed: true });
    // Case does not make a name free (Excel and Sheets compare names case-insensitively).
    expect(chooseSheetName('KPI Scorecard', [], ['kpi scorecard']).name).toBe('KPI Scorecard (2)');
  });

  it('replaces our own sheet and hands back the targets typed on it', () => {
    const targets = { nps: 45 };
    expect(chooseSheetName('KPI Scorecard', [{ name: 'KPI scorecard', ours: true, targets }]))
      .toMatchObject({ name: 'KPI scorecard', replaces: 'KPI scorecard', targets, renamed: false });
    const numbered = [{ name: 'KPI Scorecard', ours: false }, { name: 'KPI Scorecard (2)', ours: true, targets }];
    expect(chooseSheetName('KPI Scorecard', numbered)).toMatchObject({ name: 'KPI Scorecard (2)', replaces: 'KPI Scorecard (2)', targets, renamed: true });
  });

  it('trusts the host\'s marker over a bare name from the outline', () => {
    expect(chooseSheetName('S', [{ name: 'S', ours: true }], ['S']).replaces).toBe('S');
  });

  it('stays within 31 characters with its number', () => {
    const long = 'A very long scorecard sheet name';
    expect(numberedName(long, 12)).toBe('A very long scorecard shee (12)');
    expect(numberedName(long, 12).length).toBeLessThanOrEqual(31);
    expect(chooseSheetName(long, []).name).toBe(long.slice(0, 31));
  });
});
