/**
 * --targets FILE.json: targets by scorecard KPI id, in the KPI's unit (shares as fractions 0..1,
 * NPS in points, durations in hours) and within its target range (the ids, units and ranges are
 * listed in docs/cli.md, generated from the KPI definitions):
 *
 *   { "nps": { "target": 40, "direction": "higher" }, "csat": 0.85, "churn": { "enabled": false } }
 *
 * A number is the target alone; `null` means no target; `enabled: false` leaves the KPI out.
 * Anything else is a one-line error naming the file and the field — so is a target or direction for
 * a KPI that takes none (a table, takesTarget): the run would otherwise ignore it without a word.
 */
import * as z from 'zod';
import { KPI_IDS, kpiInfoById, takesTarget } from '../core/scorecard/kpis.js';
import { inTargetRange, targetRangeText } from '../core/scorecard/target-range.js';
import { quote } from '../core/safe-text.js';
import { describeValue } from '../core/values/grid.js';
import type { KpiTarget } from '../core/scorecard/types.js';
import { inputError } from './errors.js';
import { closest, issueText, readJsonFile } from './json-file.js';

z.config({ jitless: true });

const objectSchema = z.strictObject({
  target: z.number({ error: 'must be a number or null' }).finite().nullable().optional(),
  direction: z.enum(['higher', 'lower'], { error: 'must be "higher" or "lower"' }).optional(),
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
});

const fileSchema = z.record(z.string(), z.unknown(), { error: 'must be an object of targets by KPI id, like { "nps": { "target": 40 } }' });

export type TargetOverrides = Readonly<Record<string, Partial<KpiTarget>>>;

/** Why a target lies outside its KPI's target range (from the KPI's definition), or undefined when it does not. */
function scaleProblem(id: string, v: number): string | undefined {
  const info = kpiInfoById(id);
  if (!info || inTargetRange(info.targetRange, v)) return undefined;
  // A percentage where a fraction belongs is the likely slip: say what to write instead.
  if (info.unit === 'share' && v > 1 && v <= 100) return `${v} is a share: write ${v / 100} for ${v} %`;
  return `${v} is not a target for ${info.name.en}: write ${targetRangeText('en', info.unit, info.targetRange, 'json')}`;
}

/** The field of a table KPI's entry that would be ignored (a target number, a direction), with why; undefined when none. */
function untakenField(id: string, t: Partial<KpiTarget>): string | undefined {
  if (takesTarget(id)) return undefined;
  const name = kpiInfoById(id)?.name.en ?? id;
  if (typeof t.target === 'number') return `"${id}.target": ${name} is a table and takes no target; remove it`;
  if (t.direction !== undefined) return `"${id}.direction": ${name} is a table and takes no direction; remove it`;
  return undefined;
}

/** Validates the parsed JSON of a targets file (exported for tests). */
export function parseTargets(raw: unknown, file: string): TargetOverrides {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw inputError(issueText(file, parsed.error.issues));
  const out: Record<string, Partial<KpiTarget>> = {};
  for (const [id, entry] of Object.entries(parsed.data)) {
    if (!KPI_IDS.includes(id)) {
      const guess = closest(id, KPI_IDS);
      throw inputError(`${file}: ${quote(id)} is not a scorecard KPI id${guess ? ` (did you mean "${guess}"?)` : ''}; the ids are ${KPI_IDS.join(', ')}`);
    }
    let t: Partial<KpiTarget>;
    if (entry === null || (typeof entry === 'number' && Number.isFinite(entry))) t = { target: entry };
    else if (typeof entry === 'object' && !Array.isArray(entry)) {
      const o = objectSchema.safeParse(entry);
      if (!o.success) throw inputError(issueText(file, o.error.issues.map((i) => ({ ...i, path: [id, ...i.path] }))));
      t = { ...o.data };
    } else {
      throw inputError(`${file}: ${quote(id)}: must be a number, null or an object like { "target": 40, "direction": "higher" }, not ${describeValue(entry)}`);
    }
    const untaken = untakenField(id, t);
    if (untaken) throw inputError(`${file}: ${untaken}`);
    if (typeof t.target === 'number') {
      const problem = scaleProblem(id, t.target);
      if (problem) throw inputError(`${file}: "${id}.target": ${problem}`);
    }
    out[id] = t;
  }
  return out;
}

export async function readTargetsFile(file: string): Promise<TargetOverrides> {
  return parseTargets(await readJsonFile(file), file);
}

/** Default targets with the file's overrides applied. */
export function applyTargets(defaults: Readonly<Record<string, KpiTarget>>, overrides: TargetOverrides): Record<string, KpiTarget> {
  const out: Record<string, KpiTarget> = { ...defaults };
  for (const [id, o] of Object.entries(overrides)) {
    const info = kpiInfoById(id);
    const base: KpiTarget = out[id] ?? { target: info?.defaultTarget ?? null, direction: info?.direction ?? 'higher', enabled: true };
    out[id] = {
      target: o.target !== undefined ? o.target : base.target,
      direction: o.direction ?? base.direction,
      enabled: o.enabled ?? base.enabled,
    };
  }
  return out;
}
