/**
 * The local preview page: the sidebar on the left over a memory host holding the bundled sample,
 * the workbook on the right. Query parameters: `lang=de`, `host=excel` (the Excel look and
 * dialect), `fixture=hostile` (markup in a header and a sheet name, for the XSS check).
 * `window.__serviceKpiPreview` lets the browser test see the host, the last request and result.
 */
import type { GenerateRequest, GenerateResult, HostBridge } from '../../core/scorecard/types.js';
import { mountSidebar } from '../app.js';
import { h, replaceChildren } from '../dom.js';
import { createMemoryHost } from '../memory-host.js';
import type { MemoryHost } from '../memory-host.js';
import { reviveSample, withHostileText } from './data.js';
import type { SampleJson } from './data.js';
import { mountWorkbook } from './workbook.js';

interface PreviewHook {
  ready: boolean;
  error?: string;
  host?: MemoryHost;
  lastRequest?: GenerateRequest;
  lastResult?: GenerateResult;
}

declare global {
  interface Window {
    __serviceKpiPreview?: PreviewHook;
  }
}

const hook: PreviewHook = { ready: false };
window.__serviceKpiPreview = hook;

function link(label: string, params: Record<string, string>, current: boolean): HTMLElement {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(params)) q.set(k, v);
  return current ? h('strong', { 'aria-current': 'page' }, label) : h('a', { href: `?${q.toString()}` }, label);
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'de' ? 'de' : 'en';
  const look = params.get('host') === 'excel' ? 'excel' : 'sheets';
  const response = await fetch('data/sample.json');
  if (!response.ok) throw new Error(`data/sample.json: HTTP ${response.status}`);
  let preview = reviveSample((await response.json()) as SampleJson);
  if (params.get('fixture') === 'hostile') preview = withHostileText(preview);

  const host = createMemoryHost({ data: preview.data, language: lang, dialect: look });
  hook.host = host;
  const workbookRoot = document.getElementById('workbook') as HTMLElement;
  const workbook = mountWorkbook(workbookRoot, host, { lang, formats: preview.formats, widths: preview.widths });
  // The bridge the sidebar sees: the memory host, and the workbook redrawn after each scorecard.
  const bridge: HostBridge = {
    host: host.host,
    language: () => host.language(),
    readOutline: () => host.readOutline(),
    readSettings: () => host.readSettings(),
    writeSettings: (s) => host.writeSettings(s),
    async generate(request, onProgress) {
      hook.lastRequest = request;
      const result = await host.generate(request, onProgress);
      hook.lastResult = result;
      workbook.refresh(result.sheetName);
      return result;
    },
  };
  Object.defineProperty(bridge, 'dialect', { value: look });

  const bar = document.getElementById('preview-bar') as HTMLElement;
  replaceChildren(bar,
    h('span', { class: 'pv-brand' }, 'service-kpi preview'),
    h('span', { class: 'pv-switch' }, link('English', { lang: 'en' }, lang === 'en'), ' · ', link('Deutsch', { lang: 'de' }, lang === 'de')),
    h('span', { class: 'pv-switch' }, link('Sheets', { host: 'sheets' }, look === 'sheets'), ' · ', link('Excel', { host: 'excel' }, look === 'excel')));

  const mounted = mountSidebar(document.getElementById('sidebar') as HTMLElement, bridge, { look });
  await mounted.ready;
  hook.ready = true;
  document.body.dataset.ready = 'true';
}

start().catch((e: unknown) => {
  hook.error = e instanceof Error ? e.message : String(e);
  const root = document.getElementById('sidebar');
  if (root) replaceChildren(root, h('p', { role: 'alert', class: 'pv-error' }, `The preview could not start: ${hook.error}`));
});
