import type { FunctionSpec } from '../catalog/types.js';

// Placeholder: filled in by the satisfaction family work.
export const satisfactionFunctions: readonly FunctionSpec[] = [];
