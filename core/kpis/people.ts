import type { FunctionSpec } from '../catalog/types.js';

// Placeholder: filled in by the people family work.
export const peopleFunctions: readonly FunctionSpec[] = [];
