/**
 * The package's map: `_rels/.rels` names the workbook part, the workbook part lists the sheets
 * (name, visibility, relationship id), the date system and the defined names, and each part's
 * relationships name the parts it uses (styles, shared strings, worksheets, comments, drawings).
 */
import path from 'node:path';
import type { XmlHandler } from './xml.js';

export interface Relationship {
  readonly id: string;
  /** The last path segment of the relationship type (`worksheet`, `styles`, `sharedStrings`, `comments`, `drawing` …). */
  readonly type: string;
  /** The target part's name in the package (resolved against the source part), or undefined for an external target. */
  readonly part: string | undefined;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

export function relationshipsHandler(source: string): { handler: XmlHandler; result(): Relationship[] } {
  const out: Relationship[] = [];
  const dir = path.posix.dirname(source);
  return {
    handler: {
      open(name, a) {
        if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
        const type = (a.Type ?? '').replace(/.*\//, '');
        let part: string | undefined;
        if (a.TargetMode !== 'External') {
          let target: string;
          try {
            target = decodeURIComponent(a.Target);
          } catch {
            target = a.Target;
          }
          part = target.startsWith('/') ? path.posix.normalize(target).slice(1) : path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, target));
        }
        out.push({ id: a.Id, type, part });
      },
      close() {},
      text() {},
    },
    result: () => out,
  };
}

export interface WorkbookSheet {
  readonly name: string;
  readonly relId: string | undefined;
  readonly hidden: boolean;
}

export interface WorkbookInfo {
  readonly sheets: WorkbookSheet[];
  readonly date1904: boolean;
  /** Workbook-level defined names and their formula text. */
  readonly definedNames: Map<string, string>;
}

export function workbookHandler(): { handler: XmlHandler; result(): WorkbookInfo } {
  const sheets: WorkbookSheet[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  let name: string | undefined;
  let text = '';
  return {
    handler: {
      open(element, a) {
        if (element === 'sheet') {
          // The relationship id is `r:id` with whatever prefix the file binds to the relationships namespace.
          const idKey = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id'));
          sheets.push({ name: a.name ?? '', relId: idKey ? a[idKey] : undefined, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
        } else if (element === 'workbookPr') {
          date1904 = a.date1904 === '1' || a.date1904 === 'true';
        } else if (element === 'definedName') {
          name = a.localSheetId === undefined ? a.name : undefined;
          text = '';
        }
      },
      close(element) {
        if (element === 'definedName') {
          if (name !== undefined) definedNames.set(name, text);
          name = undefined;
        }
      },
      text(t) {
        if (name !== undefined) text += t;
      },
    },
    result: () => ({ sheets, date1904, definedNames }),
  };
}

/** Counts elements by local name (comments in a comments part, pictures in a drawing). */
export function countingHandler(element: string): { handler: XmlHandler; result(): number } {
  let n = 0;
  return {
    handler: { open(name) { if (name === element) n++; }, close() {}, text() {} },
    result: () => n,
  };
}
