import type { FunctionSpec } from '../catalog/types.js';

// Placeholder: filled in by the text family work.
export const textFunctions: readonly FunctionSpec[] = [];
