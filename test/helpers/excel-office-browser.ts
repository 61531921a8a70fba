/**
 * Stand-in for Microsoft's office.js in a browser test of the task pane (bundled by the test and
 * served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js): `Office`
 * (onReady, context, addin startup behaviour), `Excel.run` over the recording fake workbook, and a
 * recording `CustomFunctions`. The workbook's cells come from `window.__excelSheets`; the test
 * reads what happened from `window.__excelFake`.
 */
import { FakeWorkbook, fakeOffice } from './excel-fake.js';

export interface SheetSeed {
  readonly name: string;
  /** [row, col, value, numberFormat?], 0-based. */
  readonly cells: readonly (readonly [number, number, unknown, string?])[];
}

interface Win {
  __excelSheets?: readonly SheetSeed[];
  __excelFake?: unknown;
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
}

const win = window as unknown as Win;
const wb = new FakeWorkbook();
for (const seed of win.__excelSheets ?? []) {
  const sheet = wb.addSheet(seed.name);
  for (const [r, c, v, f] of seed.cells) sheet.set(r, c, v, f);
}
const office = fakeOffice({ language: 'en-US' });
const associated: string[] = [];
const startup: string[] = [];
let behaviour = 'None';

class CustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

win.CustomFunctions = {
  associate: (id: string) => { associated.push(id); },
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
};
win.Excel = wb.excel;
win.Office = {
  HostType: { Excel: 'Excel' },
  StartupBehavior: { load: 'Load', none: 'None' },
  context: office.context,
  addin: {
    getStartupBehavior: async () => behaviour,
    setStartupBehavior: async (b: string) => {
      startup.push(b);
      behaviour = b;
    },
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    // Like office.js: the callback runs once the DOM and Office are ready.
    return new Promise((resolve) => {
      setTimeout(() => {
        callback?.(info);
        resolve(info);
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
};
