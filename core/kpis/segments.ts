import type { FunctionSpec } from '../catalog/types.js';

// Placeholder: filled in by the segments family work.
export const segmentFunctions: readonly FunctionSpec[] = [];
