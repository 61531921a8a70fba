/**
 * `service-kpi detect` as text: every header, sheet name and column place from the data goes
 * through the one quoting function (core/safe-text.ts `quote`: quotes escaped, cut to 40
 * characters, unsafe characters as escapes), and every column given a role says why.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectArgs } from '../../cli/args.js';
import { runDetect } from '../../cli/detect.js';
import type { Io } from '../../cli/run.js';
import { quote } from '../../core/safe-text.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'skpi-detect-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function detectText(file: string): Promise<string> {
  let stdout = '';
  const io: Io = {
    stdout: { write: (s: string) => { stdout += s; return true; } },
    stderr: { write: () => true },
    env: {},
    now: () => new Date('2026-05-01T00:00:00Z'),
  } as unknown as Io;
  const args: DetectArgs = { command: 'detect', inputs: [file], kind: 'csv', json: false, tz: 'UTC', language: 'en' };
  await runDetect(args, io);
  return stdout;
}

describe('service-kpi detect quotes what comes from the data through quote()', () => {
  it('sheet names, headers in the evidence and the KPIs\' columns', async () => {
    const question = 'On a scale of 0-10, how "likely" are you to recommend our support team?';
    const file = path.join(dir, 'say "hi".csv');
    const rows = [`Timestamp,"${question.replace(/"/g, '""')}"`];
    for (let i = 1; i <= 9; i++) rows.push(`2026-01-0${i} 09:00,${i}`);
    await writeFile(file, `${rows.join('\n')}\n`, 'utf8');
    const text = await detectText(file);
    // The sheet is named after the file.
    expect(text).toContain(`Sheet ${quote('say "hi"')}: header row 1`);
    // quote() escapes the inner quotes and cuts the long header to 40 characters.
    expect(quote(question)).toMatch(/^"On a scale of 0-10, how \\"likely\\" .*…"$/);
    expect(text).toContain(`question ${quote(question)} names a 0–10 scale`);
    expect(text).not.toContain('"likely"');
    // The KPIs' columns: the header quoted (one sheet: no sheet name).
    expect(text).toContain(`npsScore ${quote(question)}`);
  });

  it('explains each column it gives a role: header part and values part', async () => {
    const text = await detectText(path.join(__dirname, '../fixtures/real/documented/zendesk-support-csv-export.csv'));
    const roleLines = text.split('\n').filter((l) => /^ {4}\S+ .* \d\.\d\d {2}/.test(l));
    expect(roleLines.length).toBeGreaterThanOrEqual(8);
    for (const l of roleLines) expect(l).toMatch(/header ".*"[^;]*; values (fit|not checked)/);
    expect(text).toContain('layout recognised: Zendesk Support CSV export');
  });

  it('explains a file no KPI follows from instead of failing: the HR headcount snapshot (Preppin\' Data)', async () => {
    const text = await detectText(path.join(__dirname, '../fixtures/real/prepbench-hr-monthly-headcount-dc1.csv'));
    expect(text).toContain('layout recognised: HR monthly headcount snapshot (8 of its headers)');
    // employee_id is an employee of the snapshot, not a support agent (it was taken for one before).
    expect(text).toMatch(/"employee_id" +— +no role: the HR monthly headcount snapshot layout gives "employee_id" none \(an employee of the snapshot, not a support agent\)/);
    expect(text).not.toMatch(/ agent +\d\.\d\d/);
    expect(text).toContain('No KPI follows from these columns.');
  });

  it('says why a call-centre layout\'s column has no role (Asterisk\'s disposition)', async () => {
    const file = path.join(dir, 'cdr.csv');
    const rows = ['calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield'];
    for (let i = 1; i <= 9; i++) rows.push(`2024-03-0${i} 08:01:30,Caller <4930>,4930,100,from-pstn,SIP/trunk-0${i},SIP/200-0${i},Queue,support,${60 + i},${50 + i},${i % 3 ? 'ANSWERED' : 'NO ANSWER'},DOCUMENTATION,,170953920${i}.0,`);
    await writeFile(file, `${rows.join('\n')}\n`, 'utf8');
    const text = await detectText(file);
    expect(text).toContain('layout recognised: Asterisk CDR (cdr table)');
    expect(text).toMatch(/"disposition" +— +no role: the Asterisk CDR \(cdr table\) layout gives "disposition" none \(ANSWERED, NO ANSWER, BUSY, FAILED: four outcomes, not a yes\/no answered flag\)/);
    expect(text).toMatch(/"calldate" +callDate +0\.9\d +header "calldate" is this column in the Asterisk CDR \(cdr table\) layout/);
    expect(text).toContain('layout gives "billsec" none (talk seconds, but 0 for calls not answered, which AHT would count as handled calls)');
  });
});

describe('the HTML report\'s appendix carries the same report', () => {
  it('every column with its role and evidence, and why a layout\'s column has none', async () => {
    const { planFor, reportOf } = await import('../../cli/run.js');
    const { renderHtmlReport } = await import('../../cli/html-report.js');
    const file = path.join(dir, 'genesys-html.csv');
    const rows = ['Interval,Offered,Answered,Answer %,Abandoned,Service Level %,ASA,AHT,Avg Wait'];
    for (let i = 1; i <= 9; i++) rows.push(`2024-03-0${i} 09:00,${30 + i},${28 + i},93%,2,80%,${20 + i},${400 + i},${25 + i}`);
    await writeFile(file, `${rows.join('\n')}\n`, 'utf8');
    const args = { command: 'scorecard' as const, inputs: [file], kind: 'csv' as const, out: 'unused.xlsx', json: false, period: 'month' as const, tz: 'UTC', addinFormulas: false, language: 'en' as const, quiet: true };
    const { plan, found } = await planFor(args, { step: () => undefined, done: () => undefined });
    const html = renderHtmlReport(plan, { sources: ['genesys-html.csv'], period: 'month', generatedAt: new Date('2026-05-01T00:00:00Z'), language: 'en', timeZone: 'UTC', detected: reportOf(found, args) });
    expect(html).toContain('Appendix: columns found');
    expect(html).toContain('header &quot;Offered&quot; is this column in the Genesys Cloud queue performance view export layout');
    expect(html).toContain('no role: the Genesys Cloud queue performance view export layout gives &quot;Avg Wait&quot; none (the wait of all interactions, abandoned ones too: not the answer time)');
  });
});
