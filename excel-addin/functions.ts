/// <reference types="custom-functions-runtime" />
/**
 * Entry of functions.js: the classic script the shared-runtime page (taskpane.html) loads after
 * office.js. It registers every catalog function under its functions.json id (the catalog name;
 * Excel shows it as KPI.NAME). Nothing else runs at load time.
 */
import { CATALOG } from '../core/catalog/index.js';
import type { KpiErrorKind } from '../core/errors.js';
import { excelFunction } from './adapt.js';

function excelError(kind: KpiErrorKind, message: string): CustomFunctions.Error {
  const code = kind === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, message);
}

/**
 * Registered once per runtime even if the script runs twice (the shared runtime can initialise
 * twice, office-js #847): the flag is on the global object, which a second copy shares.
 */
const REGISTERED = '__serviceKpiFunctions';
const host = globalThis as unknown as Record<string, unknown>;

// Outside Excel (the page opened in a browser) there is nothing to register with.
if (typeof CustomFunctions !== 'undefined' && !host[REGISTERED]) {
  host[REGISTERED] = true;
  for (const spec of CATALOG) CustomFunctions.associate(spec.name, excelFunction(spec, excelError));
}
