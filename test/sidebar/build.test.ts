import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { buildSidebar, inlineSidebarHtml, SIDEBAR_BUDGET } from '../../scripts/build-sidebar.mjs';

const inline = inlineSidebarHtml as (template: string, js: string, css: string) => string;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourcesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the sidebar never parses text as markup', () => {
  it('has no innerHTML, outerHTML, insertAdjacentHTML or document.write in its sources', () => {
    const offenders = sourcesUnder('sidebar').filter((file) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the sidebar bundle', () => {
  it('inlines script and styles into one file, escaping a closing tag inside them', () => {
    const html = inline('<head><!-- service-kpi:styles --></head><body><!-- service-kpi:script --></body>',
      'var s = "</script><b>"; var d = "$&$1";', 'a::after{content:"</style>"}');
    expect(html).toContain('var s = "<\\/script><b>"; var d = "$&$1";');
    expect(html).toContain('content:"<\\/style>"');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('builds sidebar.js within the 250 KB budget and a self-contained sidebar.html', async () => {
    const outdir = await mkdtemp(path.join(tmpdir(), 'service-kpi-sidebar-'));
    try {
      const sizes = (await buildSidebar({ outdir })) as { js: number };
      expect(sizes.js).toBeLessThanOrEqual(SIDEBAR_BUDGET as number);
      const html = await readFile(path.join(outdir, 'sidebar.html'), 'utf8');
      const js = await readFile(path.join(outdir, 'sidebar.js'), 'utf8');
      expect(html).toContain('<div id="service-kpi-sidebar"></div>');
      expect(html).toContain('<!-- service-kpi:host-bridge -->');
      expect(html).toContain('ServiceKpiSidebar');
      // Nothing is fetched from elsewhere: no external scripts, styles or images.
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
      expect(js).not.toMatch(/\beval\(|new Function\(/);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
