/**
 * The sidebar bundle's entry (dist/sidebar/sidebar.js, a classic script). A host page either sets
 * `window.serviceKpiBridge` to its HostBridge before this script runs — the sidebar then mounts
 * itself into `#service-kpi-sidebar` (or <body>) — or calls `ServiceKpiSidebar.mount(bridge)`.
 */
import type { HostBridge } from '../core/scorecard/types.js';
import { mountSidebar } from './app.js';
import type { MountOptions, MountedSidebar } from './app.js';

interface SidebarGlobal {
  mount(bridge: HostBridge, options?: MountOptions & { readonly root?: HTMLElement }): MountedSidebar;
}

declare global {
  interface Window {
    ServiceKpiSidebar?: SidebarGlobal;
    serviceKpiBridge?: HostBridge;
  }
}

const api: SidebarGlobal = {
  mount(bridge, options = {}) {
    const root = options.root ?? document.getElementById('service-kpi-sidebar') ?? document.body;
    return mountSidebar(root, bridge, options);
  },
};
window.ServiceKpiSidebar = api;

function autoMount(): void {
  if (window.serviceKpiBridge) api.mount(window.serviceKpiBridge);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount, { once: true });
else autoMount();
