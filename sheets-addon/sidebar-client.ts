/**
 * Runs in Sidebar.html before the sidebar bundle: hands the sidebar its Sheets HostBridge through
 * `window.serviceKpiBridge` (the sidebar's entry mounts itself with it, host class "host-sheets").
 */
import { createSheetsBridge } from './client-bridge.js';
import type { ScriptRun } from './client-bridge.js';

declare const google: { readonly script: { readonly run: ScriptRun } };

window.serviceKpiBridge = createSheetsBridge({ run: () => google.script.run });
