/// <reference types="office-js" />
/**
 * Entry of taskpane.js: the shared sidebar mounted with the Excel bridge. The page is also the
 * add-in's shared runtime (functions.js is loaded before this script), so it runs as soon as Excel
 * loads the add-in, even while the task pane is hidden.
 */
import { mountSidebar } from '../sidebar/app.js';
import { createExcelBridge } from './bridge.js';

/**
 * Asks Excel to load the add-in whenever this workbook opens, so colleagues' KPI.* cells calculate
 * (and Excel offers them the add-in) instead of showing #NAME?. Guarded: older hosts lack the API;
 * done once: only when the workbook does not already ask for it.
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

let mounted = false;

void Office.onReady((info) => {
  if (mounted) return;
  mounted = true;
  const root = document.getElementById('service-kpi-sidebar') ?? document.body;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = 'Open this page from the KPI add-in in Excel.';
    return;
  }
  void loadWithWorkbook();
  mountSidebar(root, createExcelBridge(), { look: 'excel' });
});
