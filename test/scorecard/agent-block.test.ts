/**
 * The agent block reads its facts where the team's figures read them: the ratings by the CSAT KPI's
 * own facts (a word scale, a scale the header states, a 4-point scale), so the answers-weighted
 * mean of the agents' CSAT is the team's CSAT; and "too few" by the scorecard's `minAnswers`
 * setting (default 30), as the headline's "too few (n)".
 */
import { describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { buildPlan, COL, planValues } from '../../core/scorecard/plan.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { ScorecardOptions, ScorecardPlan, WorkbookData } from '../../core/scorecard/types.js';
import { mulberry32 } from '../../examples/generate.js';
import { call, col } from '../helpers/call.js';

const AGENTS = ['Ana Silva', 'Ben Okafor', 'Chloé Martin', 'Dieter Vogel'];
/** Answers per agent: two above 30, one between 10 and 30, one under 10. */
const SIZES = [60, 45, 18, 7];

/** A feedback sheet without dates (one CSAT over all rows): agent, rating, with a few blanks. */
function feedback(header: string, rating: (r: () => number) => unknown, seed = 7): WorkbookData {
  const r = mulberry32(seed);
  const rows: unknown[][] = [];
  AGENTS.forEach((agent, a) => {
    for (let i = 0; i < SIZES[a]; i++) rows.push([agent, rating(r)]);
    rows.push([agent, null]); // not answered: in no count
  });
  return { timeZone: 'UTC', sheets: [{ name: 'Feedback', originRow: 1, originCol: 1, values: [['Agent', header], ...rows] }] };
}

function planOf(data: WorkbookData, options: Partial<ScorecardOptions> = {}): ScorecardPlan {
  const roles = detectRoles(outlineWorkbook(data));
  const request = { roles, targets: defaultTargets(availableKpis(roles).available), options: { ...defaultOptions('en'), ...options } };
  return buildPlan({ data, outline: outlineWorkbook(data), request, dialect: 'xlsx', existing: [] });
}

interface AgentRow {
  readonly agent: string;
  readonly n: number;
  readonly csat: number;
  readonly note: unknown;
}

/** The agent block's rows (below its header) and its title. */
function agentRows(p: ScorecardPlan): { title: string; rows: AgentRow[] } {
  const values = planValues(p);
  const table = p.blocks.find((b) => b.id === 'agents:table');
  const title = p.blocks.find((b) => b.id === 'agents:title');
  if (!table || !title) throw new Error('no agent block');
  const rows: AgentRow[] = [];
  for (let r = table.row + 1; typeof values.get(`${r}:${COL.kpi}`) === 'string' && values.get(`${r}:${COL.kpi}`) !== ''; r++) {
    rows.push({
      agent: values.get(`${r}:${COL.kpi}`) as string,
      n: values.get(`${r}:${COL.kpi + 1}`) as number,
      csat: values.get(`${r}:${COL.kpi + 2}`) as number,
      note: values.get(`${r}:${COL.kpi + 8}`),
    });
  }
  return { title: values.get(`${title.row}:${COL.kpi}`) as string, rows };
}

const teamCsat = (p: ScorecardPlan): number => {
  const s = p.summary.find((x) => x.id === 'csat');
  if (!s) throw new Error(`no csat in ${p.summary.map((x) => x.id)}`);
  return s.value as number;
};

/** Σ nᵢ·CSATᵢ ÷ Σ nᵢ over the agents: the team's CSAT when both count the same ratings as satisfied. */
const weighted = (rows: readonly AgentRow[]): number => rows.reduce((s, r) => s + r.n * r.csat, 0) / rows.reduce((s, r) => s + r.n, 0);

describe.each([false, true])('the agent block counts the ratings the team\'s CSAT counts (portable %s)', (portable) => {
  const cases: [string, WorkbookData, number][] = [
    // Zendesk's 2-point word scale: only "Good" is satisfied (the catalog's rule for 2 and 3 steps).
    ['a word scale (Bad/Good)', feedback('Satisfaction', (r) => (r() < 0.7 ? 'Good' : 'Bad')), 2],
    // Five words: the top two are satisfied.
    ['a 5-word scale', feedback('Satisfaction', (r) => ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'][Math.floor(r() * 5)]), 5],
    // The header states 1–7 though nobody answered above 5: satisfied is 6–7, not 4–5 of a guessed 5.
    ['a scale stated in the header', feedback('Satisfaction (1-7)', (r) => 1 + Math.floor(r() * 5)), 7],
    // 1–4 answers, enough of them for a 4-point survey: satisfied is 3–4.
    ['a 4-point scale', feedback('Satisfaction', (r) => 1 + Math.floor(r() * 4)), 4],
  ];
  for (const [what, data, scale] of cases) {
    it(`on ${what}: the answers-weighted agents' CSAT equals the team's CSAT, each agent's CSAT as the catalog's`, () => {
      const p = planOf(data, { portable });
      const { rows } = agentRows(p);
      expect(rows.map((r) => r.agent).sort()).toEqual([...AGENTS].sort());
      expect(rows.reduce((s, r) => s + r.n, 0)).toBe(SIZES.reduce((a, b) => a + b, 0));
      const team = teamCsat(p);
      expect(weighted(rows)).toBeCloseTo(team, 12);
      // Each agent's figure is CSAT over that agent's ratings on the team's scale.
      const values = data.sheets[0].values.slice(1);
      for (const r of rows) {
        const mine = values.filter((v) => v[0] === r.agent).map((v) => v[1]);
        const words = typeof mine.find((v) => v !== null) === 'string';
        expect(r.csat, r.agent).toBeCloseTo(call('CSAT', col(...mine), ...(words ? [] : [scale])) as number, 12);
      }
      // And the team's CSAT is the catalog's over all ratings on that scale.
      const all = values.map((v) => v[1]);
      expect(team).toBeCloseTo(call('CSAT', col(...all), ...(typeof all[0] === 'string' ? [] : [scale])) as number, 12);
    });
  }
});

describe('"too few" in the agent block follows the minAnswers setting', () => {
  const data = feedback('Satisfaction', (r) => 1 + Math.floor(r() * 5));

  it('by default under 30 answers, as the title says', () => {
    const { title, rows } = agentRows(planOf(data));
    expect(title).toMatch(/under 30 answers too few/);
    for (const r of rows) expect(r.note, r.agent).toBe(r.n < 30 ? `too few (${r.n})` : '');
    expect(rows.filter((r) => r.note !== '').map((r) => r.n).sort((a, b) => a - b)).toEqual([7, 18]);
  });

  it.each([false, true])('under the minimum set (10; portable %s), in English and German', (portable) => {
    const en = agentRows(planOf(data, { minAnswers: 10, portable }));
    expect(en.title).toMatch(/under 10 answers too few/);
    for (const r of en.rows) expect(r.note, r.agent).toBe(r.n < 10 ? `too few (${r.n})` : '');
    expect(en.rows.filter((r) => r.note !== '').map((r) => r.n)).toEqual([7]);
    const de = agentRows(planOf(data, { minAnswers: 10, portable, language: 'de' }));
    expect(de.title).toMatch(/unter 10 Antworten zu wenige/);
    expect(de.rows.filter((r) => r.note !== '').map((r) => r.note)).toEqual(['zu wenige (7)']);
  });

  it('with no minimum (0): no agent is "too few" and the title states none', () => {
    const { title, rows } = agentRows(planOf(data, { minAnswers: 0 }));
    expect(title).not.toMatch(/too few/);
    expect(rows.every((r) => r.note === '')).toBe(true);
  });
});
