import type { FunctionSpec } from '../catalog/types.js';

// Placeholder: filled in by the tickets family work.
export const ticketFunctions: readonly FunctionSpec[] = [];
