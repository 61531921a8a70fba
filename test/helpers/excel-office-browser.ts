/**
 * Stand-in for Microsoft's office.js in a browser test of the task pane (bundled by the test and
 * served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js): `Office`
 * (onReady, context, add-in startup behaviour, the task pane's visibility), `Excel.run` over the
 * recording fake workbook, and a recording `CustomFunctions`. The workbook's cells come from
 * `window.__excelSheets`, how the runtime starts from `window.__excelStart`; the test reads what
 * happened from, and drives the host through, `window.__excelFake`.
 */
import { FakeWorkbook, fakeOffice } from './excel-fake.js';

export interface SheetSeed {
  readonly name: string;
  /** [row, col, value, numberFormat?], 0-based. */
  readonly cells: readonly (readonly [number, number, unknown, string?])[];
}

export interface RuntimeStart {
  /** Headless: the runtime starts with the task pane hidden (a cell to calculate, or load-on-open). */
  readonly hidden?: boolean;
  /** The workbook's startup behaviour as saved with it ('None' for a workbook new to the add-in). */
  readonly startup?: string;
}

interface Win {
  __excelSheets?: readonly SheetSeed[];
  __excelStart?: RuntimeStart;
  __excelFake?: unknown;
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
}

const win = window as unknown as Win;
const start = win.__excelStart ?? {};
const wb = new FakeWorkbook();
for (const seed of win.__excelSheets ?? []) {
  const sheet = wb.addSheet(seed.name);
  for (const [r, c, v, f] of seed.cells) sheet.set(r, c, v, f);
}
const office = fakeOffice({ language: 'en-US' });
const associated: string[] = [];
const startup: string[] = [];
let behaviour = start.startup ?? 'None';

// A headless runtime's page is not visible (Page Visibility API) until the task pane is shown.
let visible = !start.hidden;
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (visible ? 'visible' : 'hidden') });
Object.defineProperty(document, 'hidden', { configurable: true, get: () => !visible });

class CustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

type ReadyCallback = (info: { host: string; platform: string }) => void;
const readyCallbacks: ReadyCallback[] = [];
const visibilityHandlers: ((message: { visibilityMode: string }) => void)[] = [];
const INFO = { host: 'Excel', platform: 'OfficeOnline' };

win.CustomFunctions = {
  associate: (id: string) => { associated.push(id); },
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
};
win.Excel = wb.excel;
win.Office = {
  HostType: { Excel: 'Excel' },
  StartupBehavior: { load: 'Load', none: 'None' },
  VisibilityMode: { hidden: 'Hidden', taskpane: 'Taskpane' },
  context: office.context,
  addin: {
    getStartupBehavior: async () => behaviour,
    setStartupBehavior: async (b: string) => {
      startup.push(b);
      behaviour = b;
    },
    onVisibilityModeChanged: async (handler: (message: { visibilityMode: string }) => void) => {
      visibilityHandlers.push(handler);
      return async () => {
        const i = visibilityHandlers.indexOf(handler);
        if (i >= 0) visibilityHandlers.splice(i, 1);
      };
    },
  },
  onReady(callback?: ReadyCallback) {
    if (callback) readyCallbacks.push(callback);
    // Like office.js: the callback runs once the DOM and Office are ready.
    return new Promise((resolve) => {
      setTimeout(() => {
        callback?.(INFO);
        resolve(INFO);
      }, 0);
    });
  },
};
win.__excelFake = {
  wb,
  associated,
  startup,
  sheetNames: () => wb.sheets.map((s) => s.name),
  runs: () => wb.runs.map((r) => ({ ...r })),
  /** The user opens the task pane: Office reports the new visibility mode (the document stays as it was). */
  showTaskpane: () => {
    visible = true;
    for (const h of [...visibilityHandlers]) h({ visibilityMode: 'Taskpane' });
  },
  /** The shared runtime initialises a second time (office-js #847): every onReady callback runs again. */
  initializeAgain: () => {
    for (const cb of readyCallbacks) cb(INFO);
  },
  visibilityHandlers: () => visibilityHandlers.length,
};
