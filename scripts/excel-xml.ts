/**
 * A minimal, strict XML parser for checking manifest.xml offline: elements, attributes, text,
 * comments, the XML declaration. It throws on what makes a document not well-formed: mismatched or
 * unclosed tags, a second root, unquoted or duplicate attributes, a bare `&` or `<`, `--` inside a
 * comment, unknown entities. No DTDs, no CDATA (the manifest has none).
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) {
    throw new Error(`not well-formed: a bare "<" or "&" near offset ${where}`);
  }
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]);
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (why: string): never => {
    throw new Error(`not well-formed: ${why} at offset ${i}`);
  };
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  if (xml.startsWith('<?xml', i)) {
    const end = xml.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim() !== '') {
      if (stack.length === 0) fail('text outside the root element');
      stack[stack.length - 1].text += decode(text, i);
    } else if (stack.length > 0) decode(text, i);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      if (xml.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) fail('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!', i)) fail('DTDs and CDATA are not supported');
    if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) fail('bad closing tag');
      const name = m![0];
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
      i += 2 + name.length;
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml[i] !== '>') fail('bad closing tag');
      i++;
      continue;
    }
    const m = NAME.exec(xml.slice(i + 1));
    if (!m) fail('bad tag name');
    const el: XmlElement = { name: m![0], attrs: {}, children: [], text: '' };
    i += 1 + el.name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0];
      i += ws.length;
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (ws === '') fail('attributes must be separated by white space');
      const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
      if (!a) fail(`bad attribute in <${el.name}>`);
      if (a![1] in attrs) fail(`duplicate attribute ${a![1]}`);
      attrs[a![1]] = decode(a![3] ?? a![4], i);
      i += a![0].length;
    }
    (el as { attrs: Record<string, string> }).attrs = attrs;
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else if (root) fail('a second root element');
    else root = el;
    if (xml.startsWith('/>', i)) i += 2;
    else {
      i += 1;
      stack.push(el);
    }
  }
  if (stack.length > 0) throw new Error(`not well-formed: <${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('not well-formed: no root element');
  return root;
}

/** Every element below (and including) `el`, depth first. */
export function allElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [el];
  for (const c of el.children) out.push(...allElements(c));
  return out;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
