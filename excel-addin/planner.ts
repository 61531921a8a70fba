/**
 * The scorecard planner, loaded when the manager first generates a scorecard rather than with the
 * task pane: the plan builder is half of the task pane's code and the first screen needs none of
 * it. In the built task pane scripts/excel-build.ts swaps this module for one that loads
 * planner.js (the same plan code, built by excel-addin/planner-entry.ts) with a script tag; in
 * Node (tests) it is a plain dynamic import.
 */
import type { buildPlan } from '../core/scorecard/plan.js';

export type BuildPlan = typeof buildPlan;

/** The global planner.js sets (and the swapped loader reads). */
export const PLANNER_KEY = '__serviceKpiPlanner';

export async function loadPlanner(): Promise<BuildPlan> {
  return (await import('../core/scorecard/plan.js')).buildPlan;
}
