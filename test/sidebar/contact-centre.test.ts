/**
 * The sidebar on the call-centre workbook (test/fixtures/call-centre.ts: calls over four months, a
 * queue report per interval, survey invitations; English and German), through the memory host as
 * a manager uses it: the call columns get their roles, the contact-centre KPIs are listed, the
 * service-level threshold is a field that is checked, saved and used, and Generate writes the
 * contact-centre section with the figures computed by hand from the rows.
 */
import { describe, expect, it } from 'vitest';
import type { GenerateResult, KpiSummary } from '../../core/scorecard/types.js';
import { createController } from '../../sidebar/controller.js';
import type { SidebarController } from '../../sidebar/controller.js';
import { cellAt, createMemoryHost } from '../../sidebar/memory-host.js';
import type { MemoryHost } from '../../sidebar/memory-host.js';
import { SERVICE_LEVEL_FIELD, kpiLists } from '../../sidebar/state.js';
import { callCentre, expectedByMonth, workbookData } from '../fixtures/call-centre.js';
import type { Language } from '../fixtures/call-centre.js';

const CONTACT = ['serviceLevel', 'abandonRate', 'asa', 'aht', 'ces', 'responseRate'];

async function open(host: MemoryHost): Promise<SidebarController> {
  const c = createController(host, { saveDelayMs: 0 });
  await c.load();
  return c;
}

const byId = (r: GenerateResult, id: string): KpiSummary => r.summary.find((s) => s.id === id)!;

describe.each<Language>(['en', 'de'])('the call-centre workbook in the sidebar (%s)', (language) => {
  const f = callCentre(language);
  const calls = f.sheets[0].name;

  it('gives the call columns their roles and lists the contact-centre KPIs', async () => {
    const c = await open(createMemoryHost({ data: workbookData(f), language }));
    const roles = c.state.roles.filter((r) => r.sheet === calls).sort((a, b) => a.column - b.column).map((r) => r.role);
    expect(roles).toEqual(['callDate', 'agent', 'callWait', 'callAnswered', 'talkTime', 'holdTime', 'wrapTime', 'satisfaction']);
    const available = kpiLists(c.state).available.map((k) => k.info.id);
    expect(available.filter((id) => CONTACT.includes(id))).toEqual(CONTACT);
    // The threshold field starts at the default, 20 s.
    expect(c.state.options.serviceLevelSeconds).toBe(20);
  });

  it('generates the contact-centre section with the figures computed from the rows', async () => {
    const host = createMemoryHost({ data: workbookData(f), language });
    const c = await open(host);
    // The calls fall on days 1–28, so by the data's last date April is not complete and the headline
    // would be March: the manager reports April by typing its last day as the reporting date.
    c.setReportingDateText('2026-04-30');
    const result = (await c.generate())!;
    expect(result).not.toBeNull();
    const apr = expectedByMonth(f).get('2026-04')!;
    expect(byId(result, 'serviceLevel').value as number).toBeCloseTo(apr.serviceLevel, 12);
    expect(byId(result, 'abandonRate').value as number).toBeCloseTo(apr.abandonRate, 12);
    expect(byId(result, 'asa').value as number).toBeCloseTo(apr.asa, 9);
    expect(byId(result, 'aht').value as number).toBeCloseTo(apr.aht, 9);
    expect(result.summary.filter((s) => s.section === 'contact').map((s) => s.id)).toEqual(CONTACT);
    // On the sheet: the section heading, the agent block and the staffing block.
    const sheet = host.sheet(result.sheetName)!;
    const texts = [...sheet.cells.values()].map((cell) => cell.value).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain(language === 'de' ? 'Contact-Center' : 'Contact centre');
    expect(texts.some((t) => /^(CSAT by agent|CSAT je Bearbeiter)/.test(t))).toBe(true);
    expect(texts.some((t) => /Erlang C/.test(t))).toBe(true);
    const target = host.lastPlan()!.marker.targetCells.serviceLevel;
    expect(cellAt(sheet, target.row, target.col)?.value).toBe(0.8);
  });
});

describe('the service-level threshold field', () => {
  it('takes seconds as typed (German decimal comma too), is used by Generate and survives a reload', async () => {
    const f = callCentre('de');
    const host = createMemoryHost({ data: workbookData(f), language: 'de' });
    const first = await open(host);
    first.setServiceLevelText('30');
    expect(first.state.fieldErrors[SERVICE_LEVEL_FIELD]).toBeUndefined();
    expect(first.state.options.serviceLevelSeconds).toBe(30);
    first.setReportingDateText('30.04.2026'); // April's figures, as above
    const result = (await first.generate())!;
    expect(byId(result, 'serviceLevel').value as number).toBeCloseTo(expectedByMonth(f, 30).get('2026-04')!.serviceLevel, 12);
    expect(byId(result, 'serviceLevel').definition).toMatch(/30 Sekunden/);
    first.setServiceLevelText('12,5');
    expect(first.state.options.serviceLevelSeconds).toBe(12.5);
    await first.flush();
    first.dispose();

    const again = await open(host);
    expect(again.state.options.serviceLevelSeconds).toBe(12.5);
  });

  it('refuses 0, text and more than an hour next to the field, keeps the last good value and blocks Generate', async () => {
    const host = createMemoryHost({ data: workbookData(callCentre('en')) });
    const c = await open(host);
    for (const text of ['0', 'soon', '3601', '-5']) {
      c.setServiceLevelText(text);
      expect(c.state.fieldErrors[SERVICE_LEVEL_FIELD], text).toBe('Enter the seconds within which a call counts as answered in time: more than 0, at most 3600.');
      expect(c.state.options.serviceLevelSeconds).toBe(20);
    }
    expect(await c.generate()).toBeNull();
    expect(host.lastPlan()).toBeNull();
    c.setServiceLevelText('3600');
    expect(c.state.fieldErrors[SERVICE_LEVEL_FIELD]).toBeUndefined();
    expect(await c.generate()).not.toBeNull();
  });
});
