/**
 * Plan building beside the previous version (`--base DIR`, a checkout with its sources): both
 * planners build the scorecard of the same workbook — the previous version's own sample, so both
 * plan the KPIs it knows — held by rows as the hosts pass it, in live and in portable mode, for
 * Excel and Sheets. Each planner runs in a process of its own (plan-child.ts), ours and the
 * previous one in turn for a few rounds, so a busy machine slows both alike and neither pays for
 * the other's garbage; the ratio is the median of the rounds' ratios of medians.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Check } from './report.js';
import { ms } from './report.js';
import { median } from './measure.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'plan-child.ts');
const ROUNDS = 3;

function timeIn(root: string, sampleRoot: string, mode: string): { kpis: number; ms: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, root, sampleRoot, mode], { encoding: 'utf8', cwd: path.dirname(CHILD) });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { kpis: number; ms: number[] };
  return { kpis: r.kpis, ms: median(r.ms) };
}

export async function measurePlanVsPrevious(root: string, base: string | undefined, log: (line: string) => void): Promise<{ lines: [string, string][]; checks: Check[] }> {
  const lines: [string, string][] = [];
  const checks: Check[] = [];
  if (!base || !existsSync(path.join(base, 'core/scorecard/plan.ts'))) {
    checks.push({ section: 'scorecard', figure: 'plan vs previous version', measured: '—', target: 'no slower (≤ 1.00×)', met: null });
    return { lines, checks };
  }
  for (const mode of ['live', 'portable']) {
    const ratios: number[] = [], ours: number[] = [], previous: number[] = [];
    let kpis = '';
    for (let round = 0; round < ROUNDS; round++) {
      const a = timeIn(root, base, mode), b = timeIn(base, base, mode);
      ours.push(a.ms);
      previous.push(b.ms);
      ratios.push(a.ms / b.ms);
      kpis = `${a.kpis} and ${b.kpis} KPIs`;
    }
    const ratio = median(ratios);
    log(`  plan ${mode} vs previous: ${ratio.toFixed(2)}×`);
    lines.push([`buildPlan ${mode}, Excel + Sheets, previous version's sample (${kpis})`, `${ms(median(ours))} vs previous ${ms(median(previous))}: ${ratio.toFixed(2)}× (median of ${ROUNDS} rounds, a process each)`]);
    checks.push({ section: 'scorecard', figure: `${mode} plan vs previous version`, measured: `${ratio.toFixed(2)}×`, target: 'no slower (≤ 1.00×)', met: ratio <= 1 });
  }
  return { lines, checks };
}
