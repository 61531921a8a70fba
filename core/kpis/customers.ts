import type { FunctionSpec } from '../catalog/types.js';

// Placeholder: filled in by the customers family work.
export const customerFunctions: readonly FunctionSpec[] = [];
