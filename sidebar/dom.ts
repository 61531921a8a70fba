/**
 * The one way the sidebar and the preview build DOM: elements with attributes and children, where
 * every string child becomes a text node. Nothing here parses markup, so text from the workbook
 * (headers, sheet names, samples) can never become an element or run a script.
 */
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's content with the given children (text stays text). */
export function replaceChildren(parent: Element, ...children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** An <option> whose label is set as text. */
export function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.text = text;
  o.selected = selected;
  return o;
}
