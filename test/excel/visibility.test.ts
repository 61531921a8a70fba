/**
 * When the shared runtime's page counts as "shown" (excel-addin/visibility.ts): at once when it
 * starts visible, else on the first of Office's VisibilityModeChanged "Taskpane", the document
 * becoming visible, or someone using the page; and only once.
 */
import { describe, expect, it } from 'vitest';
import { whenFirstVisible } from '../../excel-addin/visibility.js';
import type { VisibilityOffice } from '../../excel-addin/visibility.js';

class FakeDocument extends EventTarget {
  constructor(public visibilityState: string) {
    super();
  }
  listeners(): number {
    return this.count;
  }
  private count = 0;
  override addEventListener(type: string, listener: () => void): void {
    this.count++;
    super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: () => void): void {
    this.count--;
    super.removeEventListener(type, listener);
  }
}

function fakeOffice(): VisibilityOffice & { emit(mode: string): void; handlers: number } {
  const handlers: ((m: { visibilityMode: string }) => void)[] = [];
  return {
    get handlers() { return handlers.length; },
    emit(mode) { for (const h of [...handlers]) h({ visibilityMode: mode }); },
    addin: {
      async onVisibilityModeChanged(handler) {
        handlers.push(handler);
        return async () => { handlers.splice(handlers.indexOf(handler), 1); };
      },
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('whenFirstVisible', () => {
  it('runs at once in a page that starts visible, and registers nothing', async () => {
    const doc = new FakeDocument('visible');
    const office = fakeOffice();
    let runs = 0;
    whenFirstVisible(doc, office, () => runs++);
    await tick();
    expect(runs).toBe(1);
    expect(office.handlers).toBe(0);
  });

  it('waits in a hidden page for Office to report the task pane, ignoring "Hidden"', async () => {
    const doc = new FakeDocument('hidden');
    const office = fakeOffice();
    let runs = 0;
    whenFirstVisible(doc, office, () => runs++);
    await tick();
    office.emit('Hidden');
    expect(runs).toBe(0);
    office.emit('Taskpane');
    office.emit('Taskpane');
    doc.dispatchEvent(new Event('pointerdown'));
    expect(runs).toBe(1);
    await tick();
    // Everything it listened to is given back.
    expect(office.handlers).toBe(0);
    expect(doc.listeners()).toBe(0);
  });

  it('also runs when the document becomes visible or someone uses the page', async () => {
    const a = new FakeDocument('hidden');
    let runs = 0;
    whenFirstVisible(a, fakeOffice(), () => runs++);
    a.dispatchEvent(new Event('visibilitychange'));
    expect(runs).toBe(0);
    a.visibilityState = 'visible';
    a.dispatchEvent(new Event('visibilitychange'));
    expect(runs).toBe(1);

    const b = new FakeDocument('hidden');
    whenFirstVisible(b, fakeOffice(), () => runs++);
    b.dispatchEvent(new Event('keydown'));
    expect(runs).toBe(2);
  });

  it('still works where Office lacks the visibility event', () => {
    const doc = new FakeDocument('hidden');
    const office = { addin: { onVisibilityModeChanged() { throw new Error('not supported'); } } } as unknown as VisibilityOffice;
    let runs = 0;
    whenFirstVisible(doc, office, () => runs++);
    doc.dispatchEvent(new Event('focusin'));
    expect(runs).toBe(1);
  });
});
