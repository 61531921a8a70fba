/**
 * The Sheets HostBridge on the call-centre workbook (test/fixtures/call-centre.ts) as Sheets hands
 * it over: Dates, durations as Dates of 30 Dec 1899 (h:mm:ss cells), yes/no words; English and
 * German. The built add-on runs in a vm context with the recording SpreadsheetApp fake, called
 * through skpiReadOutline/skpiGenerate as google.script.run calls them: the contact-centre section,
 * the agents' CSAT and the Erlang C block land on the sheet live and portable, with the figures a
 * plain loop over the rows gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { GenerateRequest, GenerateResult, WorkbookOutline } from '../../core/scorecard/types.js';
import { callCentre, expectedByMonth } from '../fixtures/call-centre.js';
import type { Language } from '../fixtures/call-centre.js';
import { buildAddon, openAddon } from '../helpers/apps-script-fakes.js';
import type { BuiltAddon } from '../helpers/apps-script-fakes.js';

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
});
afterAll(async () => {
  await addon?.remove();
});

const CONTACT = ['serviceLevel', 'abandonRate', 'asa', 'aht', 'ces', 'responseRate'];

describe.each<[Language, boolean]>([['en', true], ['de', false]])('the call-centre workbook in Sheets (%s, portable %s)', (language, portable) => {
  const f = callCentre(language);

  it('writes the contact-centre section, the agents\' CSAT and the staffing block with the figures computed from the rows', () => {
    const a = openAddon(addon, { sheets: f.sheets.map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header), ...s.rows] })) });
    const outline = JSON.parse(a.run('skpiReadOutline') as string) as WorkbookOutline;
    const roles = detectRoles(outline);
    expect(roles.filter((r) => r.sheet === f.sheets[0].name).map((r) => r.role).sort())
      .toEqual(['agent', 'callAnswered', 'callDate', 'callWait', 'holdTime', 'satisfaction', 'talkTime', 'wrapTime']);
    // The calls fall on days 1–28, so by the data's last date April is not complete and the headline
    // would be March: the manager reports April by typing its last day as the reporting date.
    const options = { ...defaultOptions(language), portable, reportingDate: '2026-04-30' };
    const request: GenerateRequest = { roles, targets: defaultTargets(availableKpis(roles).available), options };
    const result = JSON.parse(a.run('skpiGenerate', JSON.stringify(request)) as string) as GenerateResult;

    expect(result.summary.filter((s) => s.section === 'contact').map((s) => s.id)).toEqual(CONTACT);
    const [mar, apr] = ['2026-03', '2026-04'].map((m) => expectedByMonth(f).get(m)!);
    for (const id of ['serviceLevel', 'abandonRate', 'asa', 'aht', 'responseRate'] as const) {
      const s = result.summary.find((x) => x.id === id)!;
      expect(s.value as number, id).toBeCloseTo(apr[id], 9);
      expect(s.previous as number, id).toBeCloseTo(mar[id], 9);
    }

    const sheet = a.fakes.spreadsheet.byName(result.sheetName)!;
    const cells = [...sheet.cells.values()];
    const formulas = cells.flatMap((c) => (c.formula ? [c.formula] : []));
    const texts = cells.flatMap((c) => (typeof c.value === 'string' ? [c.value] : []));
    expect(texts).toContain(language === 'de' ? 'Contact-Center' : 'Contact centre');
    expect(texts.some((t) => /^(CSAT by agent|CSAT je Bearbeiter)/.test(t))).toBe(true);
    expect(texts.some((t) => /Erlang C/.test(t))).toBe(true);
    if (portable) {
      expect(formulas.some((x) => /COUNTIFS\([^)]*"<20\.0005"/.test(x))).toBe(true);
      expect(formulas.some((x) => x.startsWith('=POISSON.DIST('))).toBe(true);
      expect(formulas.some((x) => /^=SUMPRODUCT\(\(Calls!C2:C\d*=B\d+\)/.test(x))).toBe(true);
    } else {
      expect(formulas.some((x) => /^=KPI_BY_PERIOD\("SERVICE_LEVEL",/.test(x))).toBe(true);
      expect(formulas.some((x) => /^=GROUP_SIGNIFICANCE\("CSAT",/.test(x))).toBe(true);
      expect(formulas.some((x) => /^=ERLANG_C\(/.test(x))).toBe(true);
    }
  });
});
