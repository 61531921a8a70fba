/**
 * xl/sharedStrings.xml: each `<si>` is the text of its `<t>`, or of its rich-text runs (`<r><t>`)
 * joined; phonetic readings (`<rPh>`, the furigana Excel stores beside Japanese text) are not part
 * of the text a cell shows and are left out. `_xHHHH_` escapes are decoded.
 */
import { decodeOoxmlText } from './ooxml-text.js';
import type { XmlHandler } from './xml.js';

export interface SharedStrings {
  readonly text: string[];
  /** Whether the string has formatting runs (rich text: its formatting is not copied). */
  readonly rich: boolean[];
}

/** The text handling `<si>` and `<is>` share: `<t>` inside the item, outside `<rPh>`. */
export class RichTextCollector {
  private parts: string[] = [];
  private inT = false;
  private inPhonetic = 0;
  rich = false;

  reset(): void {
    this.parts = [];
    this.inT = false;
    this.inPhonetic = 0;
    this.rich = false;
  }

  open(name: string): void {
    if (name === 't') this.inT = this.inPhonetic === 0;
    else if (name === 'rPh') this.inPhonetic++;
    else if (name === 'r') this.rich = true;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.inPhonetic--;
  }

  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }

  value(): string {
    return decodeOoxmlText(this.parts.length === 1 ? this.parts[0] : this.parts.join(''));
  }
}

export function sharedStringsHandler(): { handler: XmlHandler; result(): SharedStrings } {
  const text: string[] = [];
  const rich: boolean[] = [];
  const item = new RichTextCollector();
  let inItem = false;
  const handler: XmlHandler = {
    open(name) {
      if (name === 'si') {
        inItem = true;
        item.reset();
      } else if (inItem) item.open(name);
    },
    close(name) {
      if (name === 'si') {
        text.push(item.value());
        rich.push(item.rich);
        inItem = false;
      } else if (inItem) item.close(name);
    },
    text(t) {
      if (inItem) item.text(t);
    },
  };
  return { handler, result: () => ({ text, rich }) };
}
