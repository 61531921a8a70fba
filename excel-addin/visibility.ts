/// <reference types="office-js" />
/**
 * "The task pane has become visible", for the first time, as well as the page can tell. The shared
 * runtime page also runs hidden (a headless start to calculate a cell, or to load the add-in with
 * the workbook); it must not read the workbook then. Signals, the first one wins:
 * - the page is visible when it starts (Page Visibility API: the pane was opened from the ribbon);
 * - Office's VisibilityModeChanged event reports "Taskpane" (SharedRuntime 1.1; "Show or hide the
 *   task pane of your Office Add-in", office-js-docs-pr docs/develop/show-hide-add-in.md);
 * - the document's visibilitychange event reports "visible";
 * - someone clicks, types or focuses in the page (whatever the events said, it is in view then).
 */

/** The slice of a Document this needs. */
export interface VisibleDocument {
  readonly visibilityState: string;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** The slice of Office this needs. */
export interface VisibilityOffice {
  readonly addin: {
    onVisibilityModeChanged(handler: (message: { visibilityMode: string }) => void): Promise<() => Promise<void>>;
  };
}

const TASKPANE = 'Taskpane';
const INTERACTIONS = ['pointerdown', 'keydown', 'focusin'] as const;

/** Runs `run` once, when the page is (or first becomes) visible. */
export function whenFirstVisible(doc: VisibleDocument, office: VisibilityOffice, run: () => void): void {
  let done = false;
  const cleanups: (() => void)[] = [];
  const fire = (): void => {
    if (done) return;
    done = true;
    for (const c of cleanups.splice(0)) c();
    run();
  };
  if (doc.visibilityState === 'visible') {
    fire();
    return;
  }
  const onChange = (): void => {
    if (doc.visibilityState === 'visible') fire();
  };
  doc.addEventListener('visibilitychange', onChange);
  cleanups.push(() => doc.removeEventListener('visibilitychange', onChange));
  for (const type of INTERACTIONS) {
    doc.addEventListener(type, fire);
    cleanups.push(() => doc.removeEventListener(type, fire));
  }
  try {
    void office.addin
      .onVisibilityModeChanged((message) => {
        if (String(message.visibilityMode) === TASKPANE) fire();
      })
      .then((deregister) => {
        if (done) void deregister();
        else cleanups.push(() => void deregister());
      })
      .catch(() => undefined);
  } catch {
    // Older hosts lack the event; the other signals remain.
  }
}
