/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): it renders the
 * scorecard table with one inline SVG sparkline per KPI with a trend, loads nothing from anywhere
 * (no request leaves the page), runs no script, and shows every text from the data as text. A
 * screenshot is saved as test/artifacts/cli-report.png.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, renderHtmlReport, sparklineSvg } from '../../cli/html-report.js';
import type { ScorecardPlan } from '../../core/scorecard/types.js';
import { browserSkipReason, launchChromium } from '../helpers/browser.js';
import type { Browser } from '../helpers/browser.js';
import { ROOT, SAMPLE, buildTestCli, removeTestCli, runCli } from './helpers.js';

interface JsonKpi { id: string; name: string; trend: (number | null)[]; status: string | null; value: unknown; table?: unknown[][] }

const skip = browserSkipReason();

/** A plan with hostile text everywhere the report shows text. */
function hostilePlan(): ScorecardPlan {
  const evil = '<img src=x onerror="document.title=\'owned\'">&amp;';
  return {
    dialect: 'xlsx', sheetName: 'KPI Scorecard', blocks: [], columnWidths: {}, frozenRows: 4, frozenCols: 2,
    statusRules: [{ range: { row: 5, col: 10, rows: 1, cols: 1 }, colors: { green: { fill: '#C6EFCE', font: '#006100' }, amber: { fill: '#FFEB9C', font: '#9C5700' }, red: { fill: 'red;} body{display:none', font: '#9C0006' } } }],
    trends: [{ kpi: 'nps', cell: { row: 5, col: 11 }, source: { row: 5, col: 16, rows: 1, cols: 3 }, values: [10, '', 30], labels: ['<b>2026-01</b>', '2026-02', '2026-03'] }],
    dataBars: [], hiddenColumns: [], marker: { key: 'service-kpi.scorecard', version: 1, kpis: ['nps'], targetCells: {} },
    notes: [`note ${evil}`],
    summary: [{
      id: 'nps', kpi: 'NPS', name: `NPS ${evil}`, perspective: 'strategic', value: 30, previous: '', baseline: 10, target: 20,
      direction: 'higher', status: 'red', period: '<i>2026-03</i>', unit: 'points', n: 12, trend: [10, '', 30], trendLabels: ['<b>2026-01</b>', '2026-02', '2026-03'],
      definition: `Definition <script>document.title='owned'</script>`,
    }],
  };
}

describe('the HTML report as text', () => {
  it('escapes every character that could start markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('holds no script, no external URL and no unescaped text from the data', () => {
    const html = renderHtmlReport(hostilePlan(), { sources: ['<survey>.csv'], period: 'month', generatedAt: new Date(Date.UTC(2026, 11, 1, 8)), language: 'en', timeZone: 'Europe/Berlin' });
    expect(html).not.toMatch(/<script|<img|<b>|https?:/i);
    expect(html).toContain('NPS &lt;img src=x onerror=&quot;document.title=&#39;owned&#39;&quot;&gt;&amp;amp;');
    expect(html).toContain('&lt;survey&gt;.csv');
    // A colour that is not a plain hex colour falls back to the default: it cannot end the CSS rule.
    expect(html).not.toContain('display:none');
    expect(html).toContain('generated 2026-12-01 09:00 (Europe/Berlin)');
  });

  it('shows a table KPI\'s table under its row, numbers in the column\'s format, text escaped', () => {
    const plan = hostilePlan();
    const table = {
      rows: [['Status', 'Tickets', 'Average', 'Share'], ['<b>pending</b>', 1234, 66.54, 0.1642], ['closed', 0, '', '']],
      formats: ['@', '0', '0.0', '0.0%'],
    };
    const withTable: ScorecardPlan = { ...plan, summary: [...plan.summary, { ...plan.summary[0], id: 'timeByStatus', perspective: 'operational', table }] };
    const en = renderHtmlReport(withTable, { sources: ['x.xlsx'], period: 'month', generatedAt: new Date(0), language: 'en', timeZone: 'UTC' });
    expect(en).toContain('<tr class="kpi-table" data-kpi-table="timeByStatus">');
    expect(en).toContain('<td>&lt;b&gt;pending&lt;/b&gt;</td><td class="num">1,234</td><td class="num">66.5</td><td class="num">16.4 %</td>');
    expect(en).toContain('<td>closed</td><td class="num">0</td><td class="num"></td><td class="num"></td>');
    const de = renderHtmlReport(withTable, { sources: ['x.xlsx'], period: 'month', generatedAt: new Date(0), language: 'de', timeZone: 'UTC' });
    expect(de).toContain('<td class="num">1.234</td><td class="num">66,5</td><td class="num">16,4 %</td>');
  });

  it('draws a sparkline with a gap for a blank period and a dot on the latest value', () => {
    const svg = sparklineSvg([10, '', 30, 20], ['a', 'b', 'c', 'd'], 'points', null, 'en');
    // Two line pieces: the first point alone (M only), then c → d.
    expect(svg).toContain('d="M3 29M79 3L117 16"');
    expect(svg).toContain('<circle cx="117" cy="16"');
    expect(svg).toContain('<title>a: 10.0, b: –, c: 30.0, d: 20.0</title>');
  });
});

describe.skipIf(skip !== undefined)('the HTML report in chromium', () => {
  let browser: Browser;
  let dir: string;
  let kpis: JsonKpi[];
  let reportUrl: string;
  let cli: string;

  beforeAll(async () => {
    cli = await buildTestCli();
    dir = await mkdtemp(path.join(tmpdir(), 'skpi-html-'));
    const html = path.join(dir, 'report.html');
    const r = await runCli(cli, ['scorecard', SAMPLE, '--out', path.join(dir, 'report.xlsx'), '--html', html, '--json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    kpis = JSON.parse(r.stdout).kpis as JsonKpi[];
    reportUrl = pathToFileURL(html).href;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    await removeTestCli(cli);
  });

  it('renders the scorecard with one sparkline per KPI with a trend, requesting nothing but the file', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(reportUrl, { waitUntil: 'load' });

    expect(requests).toEqual([reportUrl]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe('KPI scorecard');
    expect(await page.locator('tbody tr[data-kpi]').count()).toBe(kpis.length);

    const trended = kpis.filter((k) => k.trend.length > 0);
    expect(await page.locator('svg.sparkline').count()).toBe(trended.length);
    for (const k of trended) {
      expect(await page.locator(`tr[data-kpi="${k.id}"] svg.sparkline path`).count(), k.id).toBe(1);
      const box = await page.locator(`tr[data-kpi="${k.id}"] svg.sparkline`).boundingBox();
      expect(box?.width, k.id).toBe(120);
    }
    // The time by status of the sample's status log: one row per status under its KPI row.
    const byStatus = kpis.find((k) => k.id === 'timeByStatus')!.table!;
    const shown = page.locator('tr[data-kpi-table="timeByStatus"] table.inner tbody tr');
    expect(await shown.count()).toBe(byStatus.length - 1);
    expect(await shown.locator('td:first-child').allTextContents()).toEqual(byStatus.slice(1).map((r) => String(r[0])));
    // Status badges in the plan's colours.
    const nps = page.locator('tr[data-kpi="nps"]');
    expect(await nps.locator('th').textContent()).toBe('Net Promoter Score');
    expect(await nps.locator('.status').textContent()).toBe(kpis.find((k) => k.id === 'nps')!.status);
    const red = kpis.find((k) => k.status === 'red')!;
    expect(await page.locator(`tr[data-kpi="${red.id}"] .status`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 199, 206)');

    await mkdir(path.join(ROOT, 'test/artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test/artifacts/cli-report.png'), fullPage: true });
    await page.close();
  });

  it('shows hostile text from the data as text: no element, no script, no request', async () => {
    const file = path.join(dir, 'hostile.html');
    await writeFile(file, renderHtmlReport(hostilePlan(), { sources: ['<survey>.csv'], period: 'month', generatedAt: new Date(), language: 'en', timeZone: 'UTC' }));
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.title()).not.toBe('owned');
    expect(await page.locator('img, script, b').count()).toBe(0);
    expect(await page.locator('tr[data-kpi="nps"] th').textContent()).toBe('NPS <img src=x onerror="document.title=\'owned\'">&amp;');
    expect(await page.locator('body').isVisible()).toBe(true);
    await page.close();
  });

  it('is a single file: the report holds no link to anything', async () => {
    const html = await readFile(new URL(reportUrl), 'utf8');
    expect(html).not.toMatch(/\b(?:src|href)\s*=|url\(|@import|https?:/i);
  });
});
