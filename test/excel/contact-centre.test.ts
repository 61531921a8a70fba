/**
 * The Excel HostBridge on the call-centre workbook (test/fixtures/call-centre.ts) as Excel holds it:
 * dates as serials with date formats, talk/hold/after-call work as time serials (0–1) formatted
 * h:mm:ss, blanks empty; English and German. Against the recording fake of the Excel API
 * (test/helpers/excel-fake.ts): the contact-centre section, the agents' CSAT and the Erlang C block
 * land on the sheet live (KPI.* functions) and portable (native formulas), with the figures a
 * plain loop over the rows gives, in the same four syncs as any first scorecard.
 */
import { describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { GenerateRequest, ScorecardPlan } from '../../core/scorecard/types.js';
import { createExcelBridge } from '../../excel-addin/bridge.js';
import type { OfficeEnv } from '../../excel-addin/bridge.js';
import { cellFormat, cellInput } from '../../excel-addin/write.js';
import { callCentre, expectedByMonth, serialOf } from '../fixtures/call-centre.js';
import type { CallCentreFixture, Language } from '../fixtures/call-centre.js';
import { FakeWorkbook, fakeOffice } from '../helpers/excel-fake.js';

const CONTACT = ['serviceLevel', 'abandonRate', 'asa', 'aht', 'ces', 'responseRate'];

/** The fixture as Excel holds it: Dates (times of 30 Dec 1899 included) as serials with their format. */
function workbookOf(f: CallCentreFixture): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const s of f.sheets) {
    const sheet = wb.addSheet(s.name);
    s.columns.forEach((c, j) => sheet.set(0, j, c.header));
    s.rows.forEach((row, i) => row.forEach((v, j) => {
      const value = v instanceof Date ? serialOf(v) : v;
      sheet.set(i + 1, j, value, value === null ? undefined : s.columns[j].numFmt);
    }));
  }
  return wb;
}

describe.each<[Language, boolean]>([['en', false], ['de', true]])('the call-centre workbook in Excel (%s, portable %s)', (language, portable) => {
  const f = callCentre(language);

  async function generate(): Promise<{ wb: FakeWorkbook; plan: ScorecardPlan; formulas: string[]; texts: string[]; summary: ScorecardPlan['summary'] }> {
    const wb = workbookOf(f);
    const plans: ScorecardPlan[] = [];
    const bridge = createExcelBridge({ excel: wb.excel, office: fakeOffice() } as unknown as OfficeEnv, { onPlan: (p) => plans.push(p) });
    const roles = detectRoles(await bridge.readOutline());
    // The rows end on 28 April, so by the headline rule March would be the Actual; these tests are
    // about April's figures, so they type the reporting date that closes April.
    const request: GenerateRequest = { roles, targets: defaultTargets(availableKpis(roles).available), options: { ...defaultOptions(language), portable, reportingDate: '2026-04-30' } };
    const result = await bridge.generate(request);
    const sheet = wb.sheet(result.sheetName)!;
    const cells = [...sheet.cells.values()];
    return {
      wb, plan: plans[0], summary: result.summary,
      formulas: cells.flatMap((c) => (c.formula ? [c.formula] : [])),
      texts: cells.flatMap((c) => (typeof c.value === 'string' ? [c.value] : [])),
    };
  }

  it('writes the contact-centre section with the figures computed from the rows, in four syncs', async () => {
    const { wb, plan, summary, texts } = await generate();
    // Five: the atomic replacement builds the sheet under a temporary name, then renames it.
    expect(wb.runs[wb.runs.length - 1]).toMatchObject({ syncs: 4, unsynced: 0 });
    expect(summary.filter((s) => s.section === 'contact').map((s) => s.id)).toEqual(CONTACT);
    const [mar, apr] = ['2026-03', '2026-04'].map((m) => expectedByMonth(f).get(m)!);
    for (const id of ['serviceLevel', 'abandonRate', 'asa', 'aht', 'responseRate'] as const) {
      const s = summary.find((x) => x.id === id)!;
      expect(s.value as number, id).toBeCloseTo(apr[id], 9);
      expect(s.previous as number, id).toBeCloseTo(mar[id], 9);
    }
    expect(texts).toContain(language === 'de' ? 'Contact-Center' : 'Contact centre');
    // Every cell of the plan is on the sheet as the plan says.
    const sheet = wb.sheet(plan.sheetName)!;
    for (const block of plan.blocks) {
      block.cells.forEach((line, r) => line.forEach((pc, c) => {
        const input = cellInput(pc);
        const cell = sheet.cell(block.row - 1 + r, block.col - 1 + c);
        if (typeof input === 'string' && input.startsWith('=')) expect(cell?.formula, `${block.id} ${r}:${c}`).toBe(input);
        if (input !== '') expect(cell?.numberFormat ?? 'General', `${block.id} ${r}:${c}`).toBe(cellFormat(pc));
      }));
    }
  });

  it(portable ? 'writes native formulas: COUNTIFS for the service level, SUMPRODUCT per agent, POISSON.DIST for staffing' : 'writes the KPI functions: KPI_BY_PERIOD per KPI, GROUP_SIGNIFICANCE per agent, ERLANG_C', async () => {
    const { formulas } = await generate();
    if (portable) {
      expect(formulas.filter((x) => x.includes('KPI.'))).toEqual([]);
      expect(formulas.some((x) => /COUNTIFS\([^)]*"<20\.0005"/.test(x))).toBe(true);
      expect(formulas.some((x) => /^=SUMPRODUCT\(\('?Anrufe'?!C2:C\d+=B\d+\)/.test(x))).toBe(true);
      expect(formulas.some((x) => x.startsWith('=POISSON.DIST('))).toBe(true);
    } else {
      expect(formulas.some((x) => /^=KPI\.KPI_BY_PERIOD\("SERVICE_LEVEL",/.test(x))).toBe(true);
      expect(formulas.some((x) => /^=KPI\.KPI_BY_PERIOD\("AHT",/.test(x))).toBe(true);
      expect(formulas.some((x) => /^=KPI\.GROUP_SIGNIFICANCE\("CSAT",/.test(x))).toBe(true);
      expect(formulas.some((x) => /^=KPI\.ERLANG_C\(/.test(x))).toBe(true);
    }
  });
});
