/**
 * The sidebar's side of the Sheets HostBridge over a fake google.script.run that behaves as the
 * real one: each with*Handler returns a new runner, the server function runs asynchronously, and
 * its result or exception arrives through the handlers.
 */
import { describe, expect, it } from 'vitest';
import { createSheetsBridge, failureMessage } from '../../sheets-addon/client-bridge.js';
import type { ScriptRun } from '../../sheets-addon/client-bridge.js';

interface Call {
  readonly fn: string;
  readonly args: unknown[];
  readonly success: boolean;
  readonly failure: boolean;
}

/** A google.script.run whose server functions are `server[name]`; thrown errors reach the failure handler. */
function fakeRun(server: Record<string, (...args: unknown[]) => unknown>): { run: () => ScriptRun; calls: Call[] } {
  const calls: Call[] = [];
  const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRun => new Proxy({} as ScriptRun, {
    get(_t, prop) {
      if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, fail);
      if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => runner(ok, f);
      if (typeof prop !== 'string' || !(prop in server)) return undefined;
      return (...args: unknown[]) => {
        calls.push({ fn: prop, args, success: ok !== undefined, failure: fail !== undefined });
        setTimeout(() => {
          let value: unknown;
          try {
            value = server[prop](...args);
          } catch (e) {
            fail?.(e);
            return;
          }
          ok?.(value);
        }, 0);
      };
    },
  });
  return { run: () => runner(), calls };
}

const OUTLINE = { sheets: [{ name: 'Survey', headerRow: 1, firstCol: 1, headers: ['Date', 'NPS'], samples: [['2026-03-01T00:00:00'], [9]], rowCount: 1, lastRow: 2 }], sheetNames: ['Survey'] };

describe('the Sheets client bridge', () => {
  it('calls each server function with a success and a failure handler, data as JSON text', async () => {
    const stored: string[] = [];
    const { run, calls } = fakeRun({
      skpiLanguage: () => 'de',
      skpiReadOutline: () => JSON.stringify(OUTLINE),
      skpiReadSettings: () => 'null',
      skpiWriteSettings: (json) => { stored.push(json as string); },
      skpiGenerate: (json) => JSON.stringify({ sheetName: 'KPI-Scorecard', kpis: JSON.parse(json as string).roles.length, notes: [], summary: [] }),
    });
    const bridge = createSheetsBridge({ run });
    expect(bridge.host).toBe('sheets');
    expect(await bridge.language()).toBe('de');
    expect(await bridge.readOutline()).toEqual(OUTLINE);
    expect(await bridge.readSettings()).toBeNull();
    const settings = { version: 1 as const, roles: [], targets: {}, options: { period: 'month' as const, portable: false, language: 'de' as const, slaHours: 24, tolerance: 0.05, brandAttributes: [], sheetName: 'KPI-Scorecard', reportingDate: null, minAnswers: 30, minTickets: 10 } };
    await bridge.writeSettings(settings);
    expect(JSON.parse(stored[0])).toEqual(settings);
    const steps: string[] = [];
    const result = await bridge.generate({ roles: [], targets: {}, options: settings.options }, (step, fraction) => steps.push(`${step} ${fraction}`));
    expect(result).toEqual({ sheetName: 'KPI-Scorecard', kpis: 0, notes: [], summary: [] });
    expect(steps).toEqual(['start 0.05', 'done 1']);
    expect(calls.map((c) => c.fn)).toEqual(['skpiLanguage', 'skpiReadOutline', 'skpiReadSettings', 'skpiWriteSettings', 'skpiGenerate']);
    for (const c of calls) {
      expect(c.success && c.failure, c.fn).toBe(true);
      for (const a of c.args) expect(typeof a).toBe('string');
    }
  });

  it('turns a server exception into a readable message without the "Exception:" prefix', async () => {
    const { run } = fakeRun({
      skpiGenerate: () => { throw new Error('Exception: The scorecard request has a problem: options.slaHours: Enter the SLA in hours.'); },
    });
    const bridge = createSheetsBridge({ run });
    await expect(bridge.generate({ roles: [], targets: {}, options: {} as never })).rejects.toThrow(
      /^The scorecard request has a problem: options\.slaHours: Enter the SLA in hours\.$/,
    );
  });

  it('adds the several-accounts hint to authorization and connection failures, in the sidebar\'s language', async () => {
    const { run } = fakeRun({
      skpiLanguage: () => 'en',
      skpiReadOutline: () => { throw new Error('ScriptError: Authorization is required to perform that action.'); },
    });
    const bridge = createSheetsBridge({ run });
    await bridge.language();
    const error = await bridge.readOutline().catch((e: Error) => e);
    expect((error as Error).message).toBe('Authorization is required to perform that action. If you are signed in to several Google accounts, sign out of the others or open the sheet in a private window — Apps Script sidebars often fail with multiple accounts.');
    expect(failureMessage({ name: 'NetworkError', message: 'Connection failure due to HTTP 0' }, 'de')).toMatch(/^Connection failure due to HTTP 0 Wenn Sie in mehreren Google-Konten angemeldet sind/);
    expect(failureMessage(undefined)).toMatch(/did not answer\. If you are signed in to several Google accounts/);
  });

  it('reports an answer that is not JSON text (google.script.run gives null for a result it cannot carry)', async () => {
    const { run } = fakeRun({ skpiReadOutline: () => null, skpiReadSettings: () => '{oops' });
    const bridge = createSheetsBridge({ run });
    await expect(bridge.readOutline()).rejects.toThrow(/skpiReadOutline returned no data/);
    await expect(bridge.readSettings()).rejects.toThrow(/skpiReadSettings returned unreadable data/);
  });

  it('fails readably when a server function is missing', async () => {
    const { run } = fakeRun({});
    await expect(createSheetsBridge({ run }).readOutline()).rejects.toThrow(/the server function skpiReadOutline is missing/);
  });
});
