/**
 * A KPI's target range is one fact of its definition (target-range.ts, definition.ts `targetRange`):
 * the sidebar's target field, the stored settings' check and the CLI's targets file accept and
 * reject the same targets for every KPI, and a target outside the range gets a message that says
 * what to type. The sidebar gets the KPI infos as the host sends them (availableKpis, through JSON).
 * A KPI laid out as a table takes no target: the sidebar shows no target field for it, and the
 * settings and the CLI refuse any number for it by name instead of ignoring it.
 */
import { describe, expect, it } from 'vitest';
import { parseTargets } from '../../cli/targets-file.js';
import { availableKpis, KPI_DEFINITIONS, kpiInfoById, takesTarget, targetRangeOf } from '../../core/scorecard/kpis.js';
import { defaultOptions, parseSettings } from '../../core/scorecard/settings.js';
import type { ScorecardKpiInfo } from '../../core/scorecard/api.js';
import { parseTarget, targetText } from '../../sidebar/fields.js';

/** Every KPI's info as the sidebar receives it: availableKpis with no roles lists each KPI once as missing. */
const SIDEBAR_INFOS: readonly ScorecardKpiInfo[] = JSON.parse(JSON.stringify(availableKpis([]).missing.map((m) => m.info)));

/** The KPIs that take no target, found from the definitions: the tables. */
const NO_TARGET = KPI_DEFINITIONS.filter((d) => d.layout === 'table');
const TAKE_TARGET = SIDEBAR_INFOS.filter((i) => !NO_TARGET.some((d) => d.id === i.id));

/** Targets in the stored unit (shares as fractions), on and around every bound a unit or KPI has. */
const CANDIDATES = [-1e6, -300, -200.5, -200, -150, -100.5, -100, -1, -0.001, 0, 0.001, 0.5, 1, 1.001, 80, 100, 100.5, 150, 200, 200.5, 300, 1e6];

const settingsWith = (id: string, target: number | null, language: 'en' | 'de' = 'en') => parseSettings({
  version: 1, roles: [], targets: { [id]: { target, direction: 'higher', enabled: true } }, options: defaultOptions(language),
});

function cliError(id: string, target: unknown): string | undefined {
  try {
    parseTargets({ [id]: target }, 't.json');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The sidebar field as the manager types the target (shares in percent), and what it stores. */
function sidebarTyped(info: ScorecardKpiInfo, target: number, lang: 'en' | 'de' = 'en') {
  return parseTarget(lang, info, targetText(lang, info.unit, target));
}

describe('target ranges', () => {
  it('reach the sidebar for every KPI, as the definitions give them', () => {
    expect(SIDEBAR_INFOS.map((i) => i.id)).toEqual(KPI_DEFINITIONS.map((d) => d.id));
    for (const def of KPI_DEFINITIONS) {
      const info = SIDEBAR_INFOS.find((i) => i.id === def.id)!;
      expect(info.targetRange, def.id).toEqual(targetRangeOf(def));
      expect(kpiInfoById(def.id)!.targetRange, def.id).toEqual(targetRangeOf(def));
      // A default target the settings check would refuse could never be saved back.
      if (def.defaultTarget !== null) expect(settingsWith(def.id, def.defaultTarget).ok, def.id).toBe(true);
    }
  });

  it('are the scales of the units, and twice an NPS\'s for the gap between two NPS', () => {
    const range = (id: string) => kpiInfoById(id)!.targetRange;
    expect(range('nps')).toEqual({ min: -100, max: 100 });
    expect(range('competitorGap')).toEqual({ min: -200, max: 200 });
    expect(range('csat')).toEqual({ min: 0, max: 1 });
    expect(range('avgResolution')).toEqual({ min: 0, max: null });
    expect(range('aht')).toEqual({ min: 0, max: null });
    expect(range('cashFlow')).toEqual({ min: null, max: null });
  });

  describe('the sidebar, the settings and the CLI accept the same targets', () => {
    for (const info of TAKE_TARGET) {
      it(`${info.id} (${info.unit})`, () => {
        for (const v of CANDIDATES) {
          const settings = settingsWith(info.id, v).ok;
          const cli = cliError(info.id, v) === undefined;
          const sidebar = sidebarTyped(info, v);
          expect({ v, sidebar: sidebar.ok, cli }).toEqual({ v, sidebar: settings, cli: settings });
          // What the sidebar stores is the target typed, in the stored unit.
          if (sidebar.ok) expect(sidebar.value).toBe(v);
        }
      });
    }
  });

  describe('a KPI that takes no target refuses one everywhere, by name', () => {
    it('is each table, and only those', () => {
      expect(NO_TARGET.map((d) => d.id)).toEqual(expect.arrayContaining(['timeByStatus', 'brandAttributes']));
      for (const def of KPI_DEFINITIONS) expect(takesTarget(def.id), def.id).toBe(def.layout !== 'table');
    });
    for (const def of NO_TARGET) {
      it(`${def.id} (${def.layout})`, () => {
        const field = `targets.${def.id}.target`;
        for (const v of CANDIDATES) {
          // The sidebar draws no target field for it (sidebar/app.ts asks takesTarget).
          expect(settingsWith(def.id, v)).toEqual({ ok: false, errors: { [field]: `${def.name.en} is a table and takes no target: leave its target empty.` } });
          expect(settingsWith(def.id, v, 'de')).toEqual({ ok: false, errors: { [field]: `${def.name.de} ist eine Tabelle und hat kein Ziel: Lassen Sie das Ziel leer.` } });
          const cli = `t.json: "${def.id}.target": ${def.name.en} is a table and takes no target; remove it`;
          expect(cliError(def.id, v)).toBe(cli);
          expect(cliError(def.id, { target: v, enabled: true })).toBe(cli);
        }
        // Not a number either: the settings still say it takes none, not which numbers to type.
        expect(parseSettings({ version: 1, roles: [], targets: { [def.id]: { target: 'forty', direction: 'higher', enabled: true } }, options: defaultOptions('en') }))
          .toEqual({ ok: false, errors: { [field]: `${def.name.en} is a table and takes no target: leave its target empty.` } });
        // A direction is as meaningless in a targets file; the sidebar stores one for every KPI, so the settings keep it.
        expect(cliError(def.id, { direction: 'lower' })).toBe(`t.json: "${def.id}.direction": ${def.name.en} is a table and takes no direction; remove it`);
        // No target, and leaving the KPI out, are what may be said of it.
        expect(cliError(def.id, null)).toBeUndefined();
        expect(cliError(def.id, { enabled: false })).toBeUndefined();
        expect(cliError(def.id, { target: null })).toBeUndefined();
        expect(settingsWith(def.id, null).ok).toBe(true);
        expect(parseSettings({ version: 1, roles: [], targets: { [def.id]: { target: null, direction: def.direction, enabled: false } }, options: defaultOptions('de') }).ok).toBe(true);
      });
    }
  });

  it('reject an NPS gap of 300 everywhere, saying what to type', () => {
    const info = SIDEBAR_INFOS.find((i) => i.id === 'competitorGap')!;
    expect(sidebarTyped(info, 300)).toEqual({ ok: false, message: 'Enter a number of points from −200 to 200.' });
    expect(sidebarTyped(info, 300, 'de')).toEqual({ ok: false, message: 'Geben Sie eine Punktzahl von −200 bis 200 ein.' });
    expect(settingsWith('competitorGap', 300)).toEqual({ ok: false, errors: { 'targets.competitorGap.target': 'Enter a number of points from −200 to 200.' } });
    expect(settingsWith('competitorGap', 300, 'de')).toEqual({ ok: false, errors: { 'targets.competitorGap.target': 'Geben Sie eine Punktzahl von −200 bis 200 ein.' } });
    expect(cliError('competitorGap', 300)).toBe('t.json: "competitorGap.target": 300 is not a target for NPS gap to competitors: write a number of points from -200 to 200');
    // −150 (we trail by 150 points) is a gap that can happen, and a target one may set.
    expect(sidebarTyped(info, -150)).toEqual({ ok: true, value: -150 });
    expect(settingsWith('competitorGap', -150).ok).toBe(true);
    expect(cliError('competitorGap', -150)).toBeUndefined();
  });

  it('word each unit\'s range as it is typed: percent in the sidebar, fractions in a targets file', () => {
    const byId = (id: string) => SIDEBAR_INFOS.find((i) => i.id === id)!;
    expect(sidebarTyped(byId('csat'), 1.2)).toEqual({ ok: false, message: 'Enter a percentage from 0 to 100.' });
    expect(cliError('csat', 80)).toBe('t.json: "csat.target": 80 is a share: write 0.8 for 80 %');
    expect(cliError('csat', -0.5)).toBe('t.json: "csat.target": -0.5 is not a target for Customer satisfaction (CSAT): write a fraction from 0 to 1');
    expect(sidebarTyped(byId('aht'), -1, 'de')).toEqual({ ok: false, message: 'Geben Sie eine Sekundenzahl ab 0 ein.' });
    expect(cliError('aht', -1)).toBe('t.json: "aht.target": -1 is not a target for Average handle time (AHT): write a number of seconds, 0 or more');
  });
});
