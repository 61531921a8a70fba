/// <reference types="office-js" />
/**
 * Entry of taskpane.js: the shared sidebar mounted with the Excel bridge. The page is also the
 * add-in's shared runtime (functions.js is loaded before this script), so it runs whenever Excel
 * loads the add-in — also headless, only to calculate a KPI cell or because the workbook asks for
 * the add-in at open. So nothing workbook-wide happens at start: the sidebar (which reads the
 * outline of every sheet) is mounted the first time the task pane is visible, and the request to
 * load the add-in with the workbook is made then, once.
 */
import { mountSidebar } from '../sidebar/app.js';
import { createExcelBridge } from './bridge.js';
import { whenFirstVisible } from './visibility.js';

/**
 * Asks Excel to load the add-in whenever this workbook opens, so colleagues' KPI.* cells calculate
 * (and Excel offers them the add-in) instead of showing #NAME?. Guarded: older hosts lack the API;
 * set only when the workbook does not already ask for it, so Excel records it once per workbook.
 */
async function loadWithWorkbook(): Promise<void> {
  try {
    if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) return;
    const current = await Office.addin.getStartupBehavior();
    if (current !== Office.StartupBehavior.load) await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  } catch {
    // Not fatal: the functions still work wherever the add-in is installed.
  }
}

/**
 * The shared runtime can initialise twice (office-js #847: Office.onReady's callback, or the page's
 * scripts, run again). The flag lives on the window, not in this bundle, so that a second copy of
 * the script sees it too: start-up work runs once per page.
 */
const STARTED = '__serviceKpiTaskpane';

void Office.onReady((info) => {
  const win = window as unknown as Record<string, unknown>;
  if (win[STARTED]) return;
  win[STARTED] = true;
  const root = document.getElementById('service-kpi-sidebar') ?? document.body;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = 'Open this page from the KPI add-in in Excel.';
    return;
  }
  whenFirstVisible(document, Office, () => {
    void loadWithWorkbook();
    mountSidebar(root, createExcelBridge(), { look: 'excel' });
  });
});
