import type { FunctionSpec } from '../catalog/types.js';

// Placeholder: filled in by the status family work.
export const statusFunctions: readonly FunctionSpec[] = [];
