import { describe, expect, it } from 'vitest';
import type { GenerateResult, HostBridge, SheetData, StoredSettings } from '../../core/scorecard/types.js';
import { createController } from '../../sidebar/controller.js';
import type { SidebarController } from '../../sidebar/controller.js';
import { cellAt, createMemoryHost } from '../../sidebar/memory-host.js';
import { RESOLVED_FIELD, errorsOf, kpiLists, targetField } from '../../sidebar/state.js';
import { sampleWorkbook } from './sample.js';

async function open(host: HostBridge): Promise<SidebarController> {
  const c = createController(host, { saveDelayMs: 0 });
  await c.load();
  return c;
}

const availableIds = (c: SidebarController): string[] => kpiLists(c.state).available.map((k) => k.info.id);
const missingIds = (c: SidebarController): string[] => kpiLists(c.state).missing.map((k) => k.info.id);
const roleOf = (c: SidebarController, sheet: string, column: number): string | undefined =>
  c.state.roles.find((r) => r.sheet === sheet && r.column === column)?.role;

/** The Survey sheet of the sample: Date, Customer, NPS, CSAT, Comment (columns 1–5). */
const NPS_COLUMN = 3;

describe('opening the sidebar', () => {
  it('shows the detected roles and the KPIs they allow, with default targets', async () => {
    const c = await open(createMemoryHost({ data: sampleWorkbook() }));
    expect(c.state.phase).toBe('ready');
    expect(roleOf(c, 'Survey', NPS_COLUMN)).toBe('npsScore');
    expect(availableIds(c)).toContain('nps');
    expect(availableIds(c)).toContain('csat');
    // The catalog's default NPS target, in points.
    const nps = kpiLists(c.state).available.find((k) => k.info.id === 'nps');
    expect(nps?.target).toEqual({ target: nps?.info.defaultTarget, direction: 'higher', enabled: true });
  });

  it('speaks the host language', async () => {
    const c = await open(createMemoryHost({ data: sampleWorkbook(), language: 'de' }));
    expect(c.state.lang).toBe('de');
    expect(c.state.options.language).toBe('de');
    c.setTargetText('nps', 'viel');
    expect(c.state.fieldErrors[targetField('nps')]).toBe('Geben Sie eine Zahl ein, z. B. 30.');
  });

  it('reports a workbook it cannot read as a message, not an exception', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const broken: HostBridge = { ...host, readOutline: () => Promise.reject(new Error('the sheet is locked')) };
    const c = await open(broken);
    expect(c.state.phase).toBe('failed');
    expect(c.state.loadError).toBe('The workbook could not be read: the sheet is locked');
  });
});

describe('settings', () => {
  it('survive a reload: a new sidebar on the same workbook restores roles, targets and options', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const first = await open(host);
    first.setRole('Survey', 5, null); // the manager does not want the comments analysed
    first.setTargetText('csat', '85');
    first.setDirection('avgResolution', 'lower');
    first.setEnabled('sla', false);
    first.setPeriod('quarter');
    first.setPortable(true);
    first.setSlaText('8');
    first.setBrandText('friendly, fast');
    first.setReportingDateText('31.10.2026');
    first.setMinimumText('minAnswers', '12');
    first.setMinimumText('minTickets', '0');
    await first.flush();
    first.dispose();

    const again = await open(host);
    expect(again.state.notice).toBe('Settings restored from this workbook.');
    expect(again.state.roles).toEqual(first.state.roles);
    expect(roleOf(again, 'Survey', 5)).toBeUndefined();
    expect(again.state.targets.csat).toEqual({ ...first.state.targets.csat, target: 0.85 });
    expect(again.state.targets.sla.enabled).toBe(false);
    expect(again.state.options).toMatchObject({
      period: 'quarter', portable: true, slaHours: 8, brandAttributes: ['friendly', 'fast'], reportingDate: '2026-10-31', minAnswers: 12, minTickets: 0,
    });
  });

  it('are written once after a burst of typing (debounced)', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const c = createController(host, { saveDelayMs: 30 });
    await c.load();
    for (const text of ['8', '80', '85']) c.setTargetText('csat', text);
    expect(host.settingsWrites()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(host.settingsWrites()).toBe(1);
    expect((await host.readSettings())?.targets.csat.target).toBe(0.85);
  });

  it('that cannot be read are ignored with a notice, and detection is used', async () => {
    const host = createMemoryHost({ data: sampleWorkbook(), settings: { version: 7, roles: 'all' } as unknown as StoredSettings });
    const c = await open(host);
    expect(c.state.notice).toBe('The saved settings could not be read; starting from the detected columns.');
    expect(roleOf(c, 'Survey', NPS_COLUMN)).toBe('npsScore');
  });

  it('follow a column that moved, by its header', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const first = await open(host);
    first.setRole('Survey', 4, null);
    first.setRole('Survey', 2, 'satisfaction'); // stored: CSAT is column 2, header "Customer"
    await first.flush();
    const stored = (await host.readSettings()) as StoredSettings;
    // Someone inserted a column before "Customer": it is now column 3.
    const moved = stored.roles.map((r) => (r.sheet === 'Survey' && r.header === 'Customer' && r.role === 'satisfaction' ? { ...r, column: 9 } : r));
    await host.writeSettings({ ...stored, roles: moved });
    const again = await open(host);
    expect(roleOf(again, 'Survey', 2)).toBe('satisfaction');
  });
});

describe('roles and KPIs', () => {
  it('changing a role changes the KPI list', async () => {
    const c = await open(createMemoryHost({ data: sampleWorkbook() }));
    expect(availableIds(c)).toContain('nps');
    c.setRole('Survey', NPS_COLUMN, null);
    expect(availableIds(c)).not.toContain('nps');
    expect(missingIds(c)).toContain('nps');
    expect(kpiLists(c.state).missing.find((m) => m.info.id === 'nps')?.missing).toEqual(['npsScore']);
    c.setRole('Survey', NPS_COLUMN, 'npsScore');
    expect(availableIds(c)).toContain('nps');
  });

  it('gives a role to one column per sheet: the column that had it loses it', async () => {
    const c = await open(createMemoryHost({ data: sampleWorkbook() }));
    c.setRole('Survey', 4, 'npsScore');
    expect(roleOf(c, 'Survey', 4)).toBe('npsScore');
    expect(roleOf(c, 'Survey', NPS_COLUMN)).toBeUndefined();
    expect(c.state.roles.find((r) => r.column === 4 && r.sheet === 'Survey')).toMatchObject({ header: 'CSAT', source: 'manager', confidence: 1 });
  });

  it('keeps a typed target while its KPI is switched off by a role change', async () => {
    const c = await open(createMemoryHost({ data: sampleWorkbook() }));
    c.setTargetText('nps', '42');
    c.setRole('Survey', NPS_COLUMN, null);
    c.setRole('Survey', NPS_COLUMN, 'npsScore');
    expect(kpiLists(c.state).available.find((k) => k.info.id === 'nps')?.target.target).toBe(42);
  });
});

describe('field messages', () => {
  it('a bad target shows a message next to its field, keeps the last good target and blocks generating', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const c = await open(host);
    c.setTargetText('csat', '90');
    c.setTargetText('csat', '9O');
    expect(c.state.fieldErrors[targetField('csat')]).toBe('Enter a number, e.g. 80.');
    expect(c.state.inputs[targetField('csat')]).toBe('9O');
    await c.flush();
    expect((await host.readSettings())?.targets.csat.target).toBe(0.9);

    expect(await c.generate()).toBeNull();
    expect(c.state.run).toEqual({ kind: 'error', message: 'Please correct the marked fields first.' });
    expect(host.sheets().some((s) => s.marker)).toBe(false);

    c.setTargetText('csat', '95');
    expect(c.state.fieldErrors[targetField('csat')]).toBeUndefined();
    expect(c.state.targets.csat.target).toBe(0.95);
  });

  it('an SLA of 0 hours gets a message', async () => {
    const c = await open(createMemoryHost({ data: sampleWorkbook() }));
    c.setSlaText('0');
    expect(c.state.fieldErrors.slaHours).toBe('Enter the SLA in hours, more than 0.');
    c.setSlaText('4');
    expect(c.state.fieldErrors.slaHours).toBeUndefined();
    expect(c.state.options.slaHours).toBe(4);
  });
  it('pause and resolved statuses of a status log: typed lists reach the scorecard, blank is found from the names', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const sent: unknown[] = [];
    const spy: HostBridge = { ...host, generate: (request, onProgress) => { sent.push(request.options.pauseStatuses); return host.generate(request, onProgress); } };
    const c = await open(spy);
    expect(c.state.roles.some((r) => r.sheet === 'Status log' && r.role === 'logStatus')).toBe(true);
    const paused = async (): Promise<{ value: unknown; notes: readonly string[] }> => {
      const result = (await c.generate()) as GenerateResult;
      return { value: result.summary.find((s) => s.id === 'pausedResolution')?.value, notes: result.notes };
    };
    const fromNames = await paused();
    expect(fromNames.notes.join(' ')).toMatch(/pending/);

    c.setStatusText('pause', 'none');
    expect(c.state.options.pauseStatuses).toEqual([]);
    const none = await paused();
    // No pause: the clock runs through "pending" and "on-hold" too, so resolution takes longer.
    expect(Number(none.value)).toBeGreaterThan(Number(fromNames.value));
    expect(none.notes.join(' ')).toMatch(/as you listed them/);

    c.setStatusText('pause', 'pending, on-hold');
    expect((await paused()).value).toBe(fromNames.value);
    await c.flush();
    expect((await host.readSettings())?.options.pauseStatuses).toEqual(['pending', 'on-hold']);

    c.setStatusText('pause', '');
    expect(c.state.options).not.toHaveProperty('pauseStatuses');
    expect(sent.at(-1)).toEqual(['pending', 'on-hold']);
    await c.generate();
    expect(sent.at(-1)).toBeUndefined();

    // An empty resolved list would resolve nothing: it too means "found from the names".
    c.setStatusText('resolved', 'none');
    expect(c.state.options).not.toHaveProperty('resolvedStatuses');
    c.setStatusText('resolved', 'x'.repeat(81));
    expect(errorsOf(c.state)[RESOLVED_FIELD]).toBe('Enter at most 50 statuses of at most 80 characters each, separated by commas.');
    expect(await c.generate()).toBeNull();
  });
});

describe('the reporting date and the minimums', () => {
  /** A spreadsheet serial day (1900 system), computed apart from the engine. */
  const serial = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

  it('a typed date reaches the scorecard\'s reporting-date cell and moves the headline to the month before it', async () => {
    const host = createMemoryHost({ data: sampleWorkbook(), language: 'de' });
    const c = await open(host);
    // Automatic: the sample's survey runs into November 2026; October is the latest complete month.
    const auto = (await c.generate()) as GenerateResult;
    const sheetOf = (r: GenerateResult) => host.sheet(r.sheetName)!;
    const dateCell = (r: GenerateResult) => {
      const at = sheetOf(r).marker!.reportingDateCell!;
      return cellAt(sheetOf(r), at.row, at.col)?.value;
    };
    expect([undefined, null, '']).toContain(dateCell(auto));
    expect(auto.summary.find((s) => s.id === 'nps')?.period).toBe('2026-10');

    c.setReportingDateText('15.09.2026');
    expect(c.state.fieldErrors.reportingDate).toBeUndefined();
    expect(c.state.options.reportingDate).toBe('2026-09-15');
    const chosen = (await c.generate()) as GenerateResult;
    expect(dateCell(chosen)).toBe(serial(2026, 9, 15));
    for (const id of ['nps', 'csat', 'sla', 'avgResolution']) expect(chosen.summary.find((s) => s.id === id)?.period, id).toBe('2026-08');
    expect((await host.readSettings())?.options.reportingDate).toBe('2026-09-15');

    // Emptied: automatic again, and the cell is blank.
    c.setReportingDateText('');
    expect(c.state.options.reportingDate).toBeNull();
    expect([undefined, null, '']).toContain(dateCell((await c.generate()) as GenerateResult));
  });

  it('a date that does not exist gets a message, keeps the last good date and blocks generating', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const c = await open(host);
    c.setReportingDateText('2026-10-31');
    c.setReportingDateText('2026-02-30');
    expect(c.state.fieldErrors.reportingDate).toBe('Enter a date such as 2026-10-31, or leave the field empty.');
    expect(c.state.inputs.reportingDate).toBe('2026-02-30');
    await c.flush();
    expect((await host.readSettings())?.options.reportingDate).toBe('2026-10-31');
    expect(await c.generate()).toBeNull();
    expect(c.state.run).toEqual({ kind: 'error', message: 'Please correct the marked fields first.' });
  });

  it('the minimum of answers decides between a status and "too few (n)"', async () => {
    const c = await open(createMemoryHost({ data: sampleWorkbook() }));
    const nps = (r: GenerateResult | null) => r!.summary.find((s) => s.id === 'nps')!;
    // The sample's October holds fewer than the default 30 survey answers.
    const few = nps(await c.generate());
    expect(few.status).toBe('too-few');
    expect(few.tooFew).toBeGreaterThan(0);
    expect(few.tooFew).toBeLessThan(30);
    c.setMinimumText('minAnswers', String(few.tooFew));
    expect(c.state.options.minAnswers).toBe(few.tooFew);
    expect(['green', 'amber', 'red']).toContain(nps(await c.generate()).status);
    c.setMinimumText('minTickets', '-3');
    expect(c.state.fieldErrors.minTickets).toBe('Enter a whole number from 0 to 100,000.');
    expect(c.state.options.minTickets).toBe(10);
  });
});

describe('generating the scorecard', () => {
  it('sends shares as fractions and reports the sheet, the number of KPIs and progress', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const seen: unknown[] = [];
    const spy: HostBridge = {
      ...host,
      generate: (request, onProgress) => {
        seen.push(request.targets.csat);
        return host.generate(request, onProgress);
      },
    };
    const c = await open(spy);
    const steps: string[] = [];
    c.subscribe(() => { if (c.state.run.kind === 'busy') steps.push(c.state.run.step); });
    c.setTargetText('csat', '85');
    const result = (await c.generate()) as GenerateResult;
    expect(seen).toEqual([{ target: 0.85, direction: 'higher', enabled: true }]);
    expect(steps).toEqual(['start', 'read', 'plan', 'write', 'done']);
    expect(c.state.run).toEqual({ kind: 'done', result });
    expect(result.sheetName).toBe(c.state.options.sheetName);
    expect(result.kpis).toBe(host.lastPlan()?.marker.kpis.length);
    expect(result.summary.find((s) => s.id === 'csat')?.target).toBe(0.85);
  });

  it('leaves out a KPI that was switched off', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const c = await open(host);
    c.setEnabled('nps', false);
    const result = (await c.generate()) as GenerateResult;
    expect(result.summary.map((s) => s.id)).not.toContain('nps');
    expect(result.summary.map((s) => s.id)).toContain('csat');
  });

  it('regeneration keeps the targets typed in the sidebar and those typed on the scorecard', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const c = await open(host);
    c.setTargetText('csat', '85');
    await c.generate();
    await c.generate();
    const sheet = host.sheet(c.state.options.sheetName);
    const marker = sheet?.marker;
    expect(marker).toBeTruthy();
    const csatCell = marker!.targetCells.csat;
    expect(cellAt(sheet!, csatCell.row, csatCell.col)?.value).toBe(0.85);

    // The manager types a new NPS target straight into the scorecard.
    const npsCell = marker!.targetCells.nps;
    host.setCell(sheet!.name, npsCell.row, npsCell.col, 55);
    const result = (await c.generate()) as GenerateResult;
    const regenerated = host.sheet(result.sheetName)!;
    const npsNow = regenerated.marker!.targetCells.nps;
    expect(cellAt(regenerated, npsNow.row, npsNow.col)?.value).toBe(55);
    expect(result.summary.find((s) => s.id === 'nps')?.target).toBe(55);
    // …and the sidebar shows it too.
    expect(c.state.targets.nps.target).toBe(55);
    expect(host.sheets().filter((s) => s.marker)).toHaveLength(1);
  });

  it('never touches a user sheet that already has the scorecard\'s name', async () => {
    const mine: SheetData = { name: 'KPI Scorecard', originRow: 2, originCol: 2, values: [['My own notes', 42], ['=SUM(1,2)', 'keep']] };
    const host = createMemoryHost({ data: sampleWorkbook([mine]) });
    const before = JSON.stringify([...host.sheet('KPI Scorecard')!.cells]);
    const c = await open(host);
    expect(c.state.options.sheetName).toBe('KPI Scorecard');
    const first = (await c.generate()) as GenerateResult;
    const second = (await c.generate()) as GenerateResult;
    expect(first.sheetName).not.toBe('KPI Scorecard');
    expect(second.sheetName).toBe(first.sheetName);
    const user = host.sheet('KPI Scorecard')!;
    expect(user.marker).toBeNull();
    expect(JSON.stringify([...user.cells])).toBe(before);
    expect(host.sheets().map((s) => s.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages', 'KPI Scorecard', first.sheetName]);
  });

  it('shows a host failure as a message and can run again', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    let fail = true;
    const flaky: HostBridge = {
      ...host,
      generate: (request, onProgress) => (fail ? Promise.reject(new Error('Exceeded maximum execution time')) : host.generate(request, onProgress)),
    };
    const c = await open(flaky);
    expect(await c.generate()).toBeNull();
    expect(c.state.run).toEqual({ kind: 'error', message: 'The scorecard could not be created: Exceeded maximum execution time' });
    fail = false;
    expect(await c.generate()).not.toBeNull();
    expect(c.state.run.kind).toBe('done');
  });

  it('asks for at least one KPI when every KPI is switched off', async () => {
    const c = await open(createMemoryHost({ data: sampleWorkbook() }));
    for (const id of availableIds(c)) c.setEnabled(id, false);
    expect(await c.generate()).toBeNull();
    expect(c.state.run).toEqual({ kind: 'error', message: 'Switch on at least one KPI first.' });
  });
});
