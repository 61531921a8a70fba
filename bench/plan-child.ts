/**
 * One planner timed in a process of its own (bench/plan-vs-previous.ts runs it for ours and the
 * previous version in turn): each process pays for its own garbage only, which interleaving two
 * planners in one heap would share out between them.
 *
 *   tsx bench/plan-child.ts ROOT SAMPLE_ROOT live|portable  → one JSON line { kpis, ms: [...] }
 *
 * ROOT: the checkout whose planner runs; SAMPLE_ROOT: the checkout whose sample generator makes
 * the workbook (held by rows, as the hosts pass it). Each timed call plans for Excel and Sheets.
 */
import path from 'node:path';

type Fn = (...a: unknown[]) => unknown;
type Module = Record<string, unknown>;

const [root, sampleRoot, mode] = process.argv.slice(2);
const load = async (base: string, rel: string): Promise<Module> => (await import(path.join(base, rel))) as Module;
const g = await load(sampleRoot, 'examples/generate.ts');
const sheets = (g.sheetsOf as Fn)((g.generateSample as Fn)(undefined, {})) as { name: string; columns: { header: string }[]; rows: unknown[][] }[];
const data = { sheets: sheets.map((s) => ({ name: s.name, values: [s.columns.map((c) => c.header), ...s.rows], originRow: 1, originCol: 1 })), timeZone: 'UTC' };
const [outline, detect, kpis, settings, plan] = await Promise.all(['outline', 'detect', 'kpis', 'settings', 'plan'].map((m) => load(root, `core/scorecard/${m}.ts`)));
const out = (outline.outlineWorkbook as Fn)(data);
const roles = (detect.detectRoles as Fn)(out);
const { available } = (kpis.availableKpis as Fn)(roles) as { available: { id: string }[] };
const defaults = (kpis.defaultTargets as Fn)(available) as Record<string, object>;
const targets = Object.fromEntries(available.map((k) => [k.id, { ...defaults[k.id], enabled: true }]));
const request = { roles, targets, options: { ...((settings.defaultOptions as Fn)('en') as object), portable: mode === 'portable' } };
const existing = data.sheets.map((s) => ({ name: s.name, ours: false }));
const run = (): void => {
  for (const dialect of ['excel', 'sheets']) (plan.buildPlan as Fn)({ data, outline: out, request, dialect, existing });
};
// Warm-up until the optimising compiler has done its work, then timed calls.
for (let i = 0; i < 8; i++) run();
const ms: number[] = [];
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  run();
  ms.push(performance.now() - t0);
}
process.stdout.write(`${JSON.stringify({ kpis: available.length, ms })}\n`);
