/** planner.js: publishes the plan builder for the task pane (see planner.ts); loaded on first use. */
import { buildPlan } from '../core/scorecard/plan.js';
import { PLANNER_KEY } from './planner.js';

(globalThis as unknown as Record<string, unknown>)[PLANNER_KEY] = { buildPlan };
