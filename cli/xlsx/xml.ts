/**
 * Streaming XML for the package parts, on saxes (a conformant, non-validating SAX parser: no DTD
 * entities are expanded, so no entity bombs). Element names reach the handlers without their
 * namespace prefix (`x:row` → `row`): SpreadsheetML written with a prefix (`<x:worksheet
 * xmlns:x="…">`, as some .NET and Strict OOXML writers do) reads like the default namespace.
 * saxes's own namespace mode resolves every name and costs ~45 % more time on a big sheet
 * (docs/architecture.md); the parts we read use their main namespace for every element we look at.
 */
import { SaxesParser } from 'saxes';

export interface XmlHandler {
  open(name: string, attrs: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /** Character data (entities decoded), CDATA included. */
  text(text: string): void;
}

export interface XmlStream {
  write(chunk: string): void;
  end(): void;
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function xmlStream(handler: XmlHandler): XmlStream {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    handler.open(name, tag.attributes as Record<string, string>);
    if (tag.isSelfClosing) handler.close(name);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) handler.close(localName(tag.name));
  });
  parser.on('text', (t) => handler.text(t));
  parser.on('cdata', (t) => handler.text(t));
  parser.on('error', (e) => {
    throw new XmlError(e.message.replace(/^undefined:\d*:?\d*:?\s*/, ''));
  });
  return {
    write: (chunk) => void parser.write(chunk),
    end: () => void parser.close(),
  };
}
