/**
 * Sheet limits the plan and the reading back of a previous scorecard share. Kept apart from
 * previous.ts (zod) so the plan builder's bundle does not carry a validator it does not use.
 */

/** Excel's sheet limits (Sheets has fewer rows and more columns: 18,278). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 18_278;

/**
 * The most cells of the manager's a regeneration carries over. A previous scorecard holding more
 * is not replaced: the new one goes beside it, and nothing is lost.
 */
export const MAX_USER_CELLS = 5_000;
