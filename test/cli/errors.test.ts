/**
 * Every way an input or a command line can be wrong: ONE line on stderr starting `service-kpi:`,
 * exit code 1 (input) or 2 (usage), no output file left behind (not even a temporary one), and
 * every input file byte for byte as it was.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputError, writeAllAtomically } from '../../cli/atomic.js';
import { isCliError } from '../../cli/errors.js';
import { parseRoles } from '../../cli/roles-file.js';
import { parseTargets } from '../../cli/targets-file.js';
import { fileKind } from '../../cli/file-kind.js';
import { packageParts } from '../../cli/xlsx/package-parts.js';
import { buildCli } from '../../scripts/build-cli.mjs';
import { CSV_DIR, ROOT, SAMPLE, buildTestCli, removeTestCli, runCli, sha256 } from './helpers.js';

let cli: string;
let dir: string;

beforeAll(async () => {
  cli = await buildTestCli();
  dir = await mkdtemp(path.join(tmpdir(), 'skpi-err-'));
  await copyFile(SAMPLE, path.join(dir, 'helpdesk.xlsx'));
  await copyFile(path.join(CSV_DIR, 'survey.csv'), path.join(dir, 'survey.csv'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await removeTestCli(cli);
});

/**
 * A compound file (OLE2, 1536 bytes) as an encrypted OOXML package is stored: header, one FAT
 * sector and one directory sector with the streams EncryptionInfo and EncryptedPackage (empty
 * here: what matters is the container, which is what Excel writes for a workbook with a password).
 */
function compoundFile(streams: readonly string[]): Buffer {
  const SECTOR = 512;
  const b = Buffer.alloc(SECTOR * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x003e, 0x18); // minor version
  b.writeUInt16LE(0x0003, 0x1a); // major version 3: 512-byte sectors
  b.writeUInt16LE(0xfffe, 0x1c); // little-endian
  b.writeUInt16LE(9, 0x1e); // sector shift
  b.writeUInt16LE(6, 0x20); // mini sector shift
  b.writeUInt32LE(1, 0x2c); // one FAT sector
  b.writeUInt32LE(1, 0x30); // directory at sector 1
  b.writeUInt32LE(4096, 0x38); // mini stream cutoff
  b.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  b.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  b.writeUInt32LE(0, 0x4c); // the FAT is sector 0
  for (let i = 1; i < 109; i++) b.writeUInt32LE(0xffffffff, 0x4c + 4 * i);
  const fat = SECTOR;
  b.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  b.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, end of chain
  for (let i = 2; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + 4 * i);
  const entry = (i: number, name: string, type: number, child: number, right: number): void => {
    const p = 2 * SECTOR + 128 * i;
    b.write(name, p, 'utf16le');
    b.writeUInt16LE((name.length + 1) * 2, p + 0x40);
    b.writeUInt8(type, p + 0x42);
    b.writeUInt8(1, p + 0x43); // black
    b.writeUInt32LE(0xffffffff, p + 0x44);
    b.writeUInt32LE(right, p + 0x48);
    b.writeUInt32LE(child, p + 0x4c);
    b.writeUInt32LE(0xfffffffe, p + 0x74); // no data
  };
  entry(0, 'Root Entry', 5, streams.length > 0 ? 1 : 0xffffffff, 0xffffffff);
  streams.forEach((s, i) => entry(i + 1, s, 2, 0xffffffff, i + 1 < streams.length ? i + 2 : 0xffffffff));
  return b;
}

/**
 * The sample with its zip directory claiming that its sheet part xl/worksheets/sheet2.xml unpacks
 * to `size` bytes: what a zip bomb's directory says (the refusal must come from the directory,
 * before any inflating).
 */
function claimedSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  let eocd = out.length - 22;
  while (out.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < out.readUInt16LE(eocd + 10); i++) {
    const nameLen = out.readUInt16LE(p + 28);
    if (out.toString('utf8', p + 46, p + 46 + nameLen) === 'xl/worksheets/sheet2.xml') {
      out.writeUInt32LE(size, p + 24);
      return out;
    }
    p += 46 + nameLen + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  throw new Error('the sample has no xl/worksheets/sheet2.xml');
}

interface Case {
  readonly name: string;
  /** Files to create in the temp folder before the run. */
  readonly files?: Record<string, string | Buffer>;
  readonly args: readonly string[];
  readonly code: 1 | 2;
  readonly message: string | RegExp;
}

const OUT = 'out/scorecard.xlsx';

const CASES: readonly Case[] = [
  // ---------------------------------------------------------------- usage (2)
  { name: 'no command', args: [], code: 2, message: 'service-kpi: no command given; try: service-kpi scorecard INPUT... --out FILE.xlsx (see service-kpi --help)' },
  { name: 'an unknown command', args: ['report', 'helpdesk.xlsx'], code: 2, message: 'service-kpi: unknown command "report" (see service-kpi --help)' },
  { name: 'a file given without the command', args: ['helpdesk.xlsx', '--out', OUT], code: 2, message: 'service-kpi: unknown command "helpdesk.xlsx"; did you mean: service-kpi scorecard helpdesk.xlsx … (see service-kpi --help)' },
  { name: 'an unknown option', args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--colour'], code: 2, message: /^service-kpi: Unknown option '--colour' \(see service-kpi --help\)$/ },
  { name: 'no input', args: ['scorecard', '--out', OUT], code: 2, message: 'service-kpi: no input files; give one .xlsx workbook or one or more .csv files' },
  { name: 'no --out', args: ['scorecard', 'helpdesk.xlsx'], code: 2, message: 'service-kpi: --out FILE.xlsx is required: the scorecard is written to a new workbook' },
  { name: '--out that is not .xlsx', args: ['scorecard', 'helpdesk.xlsx', '--out', 'out/scorecard.xls'], code: 2, message: 'service-kpi: --out out/scorecard.xls: the output must be an .xlsx file' },
  { name: '--out naming the input', args: ['scorecard', 'helpdesk.xlsx', '--out', 'helpdesk.xlsx'], code: 2, message: 'service-kpi: --out helpdesk.xlsx is the input helpdesk.xlsx; the input is never overwritten, choose another output file' },
  { name: '--out naming the input through a symbolic link', args: ['scorecard', 'helpdesk.xlsx', '--out', 'link.xlsx'], code: 2, message: 'service-kpi: --out link.xlsx is the input helpdesk.xlsx; the input is never overwritten, choose another output file' },
  { name: '--out naming the input by another path', args: ['scorecard', 'helpdesk.xlsx', '--out', './sub/../helpdesk.xlsx'], code: 2, message: 'service-kpi: --out ./sub/../helpdesk.xlsx is the input helpdesk.xlsx; the input is never overwritten, choose another output file' },
  { name: '--html naming a CSV input', args: ['scorecard', 'survey.csv', '--out', OUT, '--html', 'survey.csv'], code: 2, message: 'service-kpi: --html survey.csv: the report must be an .html or .htm file' },
  { name: '--html naming the --roles file', files: { 'roles.html': '[]' }, args: ['scorecard', 'survey.csv', '--out', OUT, '--html', 'roles.html', '--roles', 'roles.html'], code: 2, message: 'service-kpi: --html roles.html is the input roles.html; the input is never overwritten, choose another output file' },
  { name: '--html naming a CSV file that is not an input (it would have been overwritten)', args: ['scorecard', '--out', OUT, '--html', 'survey.csv', 'tickets.csv'], code: 2, message: 'service-kpi: --html survey.csv: the report must be an .html or .htm file' },
  { name: '--html naming an existing file that is not a report of ours', files: { 'notes.html': '<!DOCTYPE html><p>my notes</p>' }, args: ['scorecard', 'survey.csv', '--out', OUT, '--html', 'notes.html'], code: 2, message: 'service-kpi: --html notes.html already exists and is not a report written by service-kpi; it is never overwritten, choose another file name' },
  { name: '--out naming an existing folder with a trailing slash', args: ['scorecard', 'survey.csv', '--out', 'existingdir.xlsx/'], code: 2, message: 'service-kpi: --out existingdir.xlsx/: ends in a folder separator; give a file name such as existingdir.xlsx' },
  { name: '--out naming a new folder with a trailing slash', args: ['scorecard', 'survey.csv', '--out', 'newdir.xlsx/'], code: 2, message: 'service-kpi: --out newdir.xlsx/: ends in a folder separator; give a file name such as newdir.xlsx' },
  { name: '--out and --html naming the same file', args: ['scorecard', 'helpdesk.xlsx', '--out', 'same.xlsx', '--html', './same.xlsx'], code: 2, message: 'service-kpi: --html ./same.xlsx: the report must be an .html or .htm file' },
  { name: 'a workbook and CSV files together', args: ['scorecard', 'helpdesk.xlsx', 'survey.csv', '--out', OUT], code: 2, message: 'service-kpi: give either one .xlsx workbook or .csv files, not both' },
  { name: 'an old .xls workbook', args: ['scorecard', 'old.xls', '--out', OUT], code: 2, message: 'service-kpi: old.xls: old Excel .xls files are not read; save it as .xlsx (Excel: File > Save As > Excel Workbook), or convert it with: soffice --headless --convert-to xlsx FILE.xls' },
  { name: 'an input that is neither .xlsx nor .csv', args: ['scorecard', 'notes.pdf', '--out', OUT], code: 2, message: 'service-kpi: notes.pdf: not an .xlsx or .csv file (the name must end in .xlsx, .xlsm, .csv, .tsv or .txt)' },
  { name: 'a CSV file whose rows use another delimiter than its header', files: { 'mixed.csv': 'Date,NPS,Comment\n2026-01-01;9;fine\n2026-01-02;7;ok\n' }, args: ['scorecard', 'mixed.csv', '--out', OUT], code: 1, message: 'service-kpi: mixed.csv: line 2: the rows are separated by ";" but the header by ","; save the file with one delimiter (or write sep=; as its first line)' },
  { name: 'an unknown period', args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--period', 'fortnight'], code: 2, message: 'service-kpi: --period fortnight: choose week, month, quarter or year' },
  { name: 'an unknown time zone', args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--tz', 'Mars/Olympus'], code: 2, message: 'service-kpi: --tz Mars/Olympus: not a time zone this system knows; use an IANA name such as Europe/Berlin or UTC' },
  { name: 'a bad --sla-hours', args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--sla-hours=0'], code: 2, message: 'service-kpi: --sla-hours 0: give a number of hours above 0 (at most 8760)' },
  { name: 'an option without its value', args: ['scorecard', 'helpdesk.xlsx', '--out'], code: 2, message: /^service-kpi: Option '-o, --out <value>' argument missing \(see service-kpi --help\)$/ },
  // ---------------------------------------------------------------- input (1)
  { name: 'a missing workbook', args: ['scorecard', 'missing.xlsx', '--out', OUT], code: 1, message: 'service-kpi: missing.xlsx: no such file' },
  { name: 'a missing CSV file among others', args: ['scorecard', 'survey.csv', 'missing.csv', '--out', OUT], code: 1, message: 'service-kpi: missing.csv: no such file' },
  { name: 'an empty workbook file', files: { 'empty.xlsx': '' }, args: ['scorecard', 'empty.xlsx', '--out', OUT], code: 1, message: 'service-kpi: empty.xlsx is empty (0 bytes)' },
  { name: 'a text file named .xlsx', files: { 'text.xlsx': 'Date,NPS\n2026-01-01,9\n' }, args: ['scorecard', 'text.xlsx', '--out', OUT], code: 1, message: 'service-kpi: text.xlsx is not an .xlsx workbook (it is not a zip archive); if it is text, name it .csv' },
  { name: 'a truncated workbook', args: ['scorecard', 'truncated.xlsx', '--out', OUT], code: 1, message: 'service-kpi: truncated.xlsx is damaged: its zip directory cannot be read (an incomplete download or copy?)' },
  { name: 'a workbook that would unpack to gigabytes (a zip bomb)', args: ['scorecard', 'bomb.xlsx', '--out', OUT], code: 1, message: 'service-kpi: bomb.xlsx would unpack to 2.0 GB, more than the 1.0 GB the command line reads (a damaged file or a zip bomb; for very large data, export CSV files)' },
  { name: 'a password-protected workbook', files: { 'secret.xlsx': compoundFile(['EncryptionInfo', 'EncryptedPackage']) }, args: ['scorecard', 'secret.xlsx', '--out', OUT], code: 1, message: 'service-kpi: secret.xlsx is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again' },
  { name: 'an Excel 97-2003 file named .xlsx', files: { 'legacy.xlsx': compoundFile(['Workbook']) }, args: ['scorecard', 'legacy.xlsx', '--out', OUT], code: 1, message: 'service-kpi: legacy.xlsx is an Excel 97-2003 workbook (.xls) or another non-.xlsx file; open it in a spreadsheet and save it as .xlsx' },
  { name: 'a CSV file with unbalanced quotes', files: { 'bad.csv': 'Date,NPS,Comment\n2026-01-01,9,"fine"\n2026-01-02,7,"never closed\n2026-01-03,10,ok\n' }, args: ['scorecard', 'bad.csv', '--out', OUT], code: 1, message: 'service-kpi: bad.csv: line 3: a quoted field never ends (unbalanced quotes)' },
  { name: 'an empty CSV file', files: { 'nothing.csv': '' }, args: ['scorecard', 'nothing.csv', '--out', OUT], code: 1, message: 'service-kpi: nothing.csv is empty' },
  { name: 'CSV columns nothing recognises', files: { 'misc.csv': 'Foo,Bar,Baz\nx,1,2\ny,3,4\n' }, args: ['scorecard', 'misc.csv', '--out', OUT], code: 1, message: 'service-kpi: no recognisable columns in misc.csv; headers seen: "misc": "Foo", "Bar", "Baz". See what was found with: service-kpi detect misc.csv; rename the columns (see docs/cli.md) or map them with --roles FILE.json' },
  { name: 'a CSV file with a single column', files: { 'one.csv': 'Comment\nfine\ngood\n' }, args: ['scorecard', 'one.csv', '--out', OUT], code: 1, message: 'service-kpi: no data table in one.csv: no sheet has a header row with at least two column names (sheets: "one")' },
  // The contact-centre KPIs (merged after the per-family message) are a family of their own: calls. Its
  // closest KPI is the service level of a daily export (two columns; a call log needs more).
  { name: 'columns that support no KPI', files: { 'ids.csv': 'Customer,Agent\nC-1,Anna\nC-2,Ben\n' }, args: ['scorecard', 'ids.csv', '--out', OUT], code: 1, message: 'service-kpi: no KPI can be computed from the columns found: customerId (column "Customer" of "ids"), agent (column "Agent" of "ids"). What each kind of KPI still needs — surveys: Net Promoter Score needs npsScore; tickets: Average resolution time needs resolutionTime; calls: Service level needs serviceLevelShare and callsOffered; orders: Revenue per customer needs orderDate and orderAmount; monthly figures: Cash flow needs periodDate and cashIn; customer/staff lists: Customer retention needs churned' },
  { name: 'a targets file that is not JSON', files: { 't.json': '{ nps: 40 }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--targets', 't.json'], code: 1, message: /^service-kpi: t\.json is not valid JSON: / },
  { name: 'a target of the wrong type', files: { 't.json': '{ "nps": { "target": "40" } }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--targets', 't.json'], code: 1, message: 'service-kpi: t.json: "nps.target": must be a number or null' },
  { name: 'a bad direction', files: { 't.json': '{ "nps": { "target": 40, "direction": "up" } }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--targets', 't.json'], code: 1, message: 'service-kpi: t.json: "nps.direction": must be "higher" or "lower"' },
  { name: 'an unknown KPI id', files: { 't.json': '{ "npss": 40 }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--targets', 't.json'], code: 1, message: /^service-kpi: t\.json: "npss" is not a scorecard KPI id \(did you mean "nps"\?\); the ids are retention, churn, / },
  { name: 'a share written as a percentage', files: { 't.json': '{ "csat": 80 }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--targets', 't.json'], code: 1, message: 'service-kpi: t.json: "csat.target": 80 is a share: write 0.8 for 80 %' },
  { name: 'a target for a KPI that is a table', files: { 't.json': '{ "timeByStatus": { "target": 4 } }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--targets', 't.json'], code: 1, message: 'service-kpi: t.json: "timeByStatus.target": Time by status is a table and takes no target; remove it' },
  { name: 'a missing targets file', args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--targets', 'none.json'], code: 1, message: 'service-kpi: none.json: no such file' },
  { name: 'an unknown role', files: { 'r.json': '{ "roles": [ { "sheet": "Survey", "column": "NPS", "role": "npsScor" } ] }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--roles', 'r.json'], code: 1, message: 'service-kpi: r.json: "roles[0].role": "npsScor" is not a role (did you mean "npsScore"?); the roles are listed in docs/cli.md' },
  { name: 'a role on an unknown column', files: { 'r.json': '{ "roles": [ { "sheet": "Survey", "column": "Score", "role": "npsScore" } ] }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--roles', 'r.json'], code: 1, message: 'service-kpi: r.json: roles[0]: sheet "Survey" has no column "Score"; its headers are "Date", "Customer", "NPS", "CSAT", "Comment"' },
  { name: 'a role on an unknown sheet', files: { 'r.json': '[ { "sheet": "Surveys", "column": "NPS", "role": "npsScore" } ]' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--roles', 'r.json'], code: 1, message: 'service-kpi: r.json: roles[0]: no sheet with a data table is named "Surveys" (did you mean "Survey"?); the sheets are "Survey", "Tickets", "Orders", "Customers", "Competitors", "Status log", "Messages"' },
  { name: 'a roles entry without a sheet', files: { 'r.json': '{ "roles": [ { "column": "NPS", "role": "npsScore" } ] }' }, args: ['scorecard', 'helpdesk.xlsx', '--out', OUT, '--roles', 'r.json'], code: 1, message: 'service-kpi: r.json: "roles[0].sheet": must be a sheet name' },
];

describe('bad input and bad usage', () => {
  beforeAll(async () => {
    await symlink(path.join(dir, 'helpdesk.xlsx'), path.join(dir, 'link.xlsx'));
    const sample = await readFile(SAMPLE);
    await writeFile(path.join(dir, 'truncated.xlsx'), sample.subarray(0, Math.floor(sample.length / 2)));
    await writeFile(path.join(dir, 'bomb.xlsx'), claimedSizes(sample, 2 * 1024 ** 3));
    await mkdir(path.join(dir, 'existingdir.xlsx'));
  });

  for (const c of CASES) {
    it(`${c.name}: one line, exit code ${c.code}, nothing written, inputs untouched`, async () => {
      for (const [name, content] of Object.entries(c.files ?? {})) await writeFile(path.join(dir, name), content);
      const inputs = (await readdir(dir)).filter((f) => /\.(xlsx|csv|json|html)$/.test(f) && f !== 'existingdir.xlsx');
      const hashes = await Promise.all(inputs.map((f) => sha256(path.join(dir, f))));

      const r = await runCli(cli, c.args, { cwd: dir });

      expect(r.code).toBe(c.code);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines.length, r.stderr).toBe(1);
      if (typeof c.message === 'string') expect(lines[0]).toBe(c.message);
      else expect(lines[0]).toMatch(c.message);
      // Nothing written: no output folder, no output, no temporary file.
      const after = await readdir(dir);
      expect(after.filter((f) => f === 'out' || f === 'same.xlsx' || f === 'newdir.xlsx' || f.endsWith('.tmp'))).toEqual([]);
      expect(await Promise.all(inputs.map((f) => sha256(path.join(dir, f))))).toEqual(hashes);
    });
  }
});

describe('help and version', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await runCli(cli, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: service-kpi scorecard INPUT\.\.\. --out FILE\.xlsx \[options\]/);
    for (const option of ['--out', '--html', '--json', '--period', '--tz', '--targets', '--roles', '--addin-formulas']) expect(r.stdout).toContain(option);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(cli, ['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('the package\'s bin, bin/service-kpi.js', () => {
  it('runs the bundle that the build writes to dist/cli.js', async () => {
    // `npm run build` writes dist/cli.js (scripts/build.mjs calls buildCli()); built here too so
    // the test also runs on its own.
    await buildCli();
    const bin = path.join(ROOT, 'bin/service-kpi.js');
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runCli(bin, ['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const r = await runCli(bin, ['scorecard', SAMPLE, '--out', path.join(dir, 'bin', 'scorecard.xlsx'), '--json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout).kpis as unknown[]).length).toBe(29);
  });
});

describe('writing the outputs', () => {
  it('replaces nothing when one output cannot be written: the old files stay, no temporary file is left', async () => {
    await writeFile(path.join(dir, 'atomic-old.xlsx'), 'old workbook');
    await writeFile(path.join(dir, 'blocker'), 'a file where a folder should be');
    const failure = writeAllAtomically([
      { target: path.join(dir, 'atomic-old.xlsx'), data: 'new workbook' },
      { target: path.join(dir, 'blocker', 'report.html'), data: '<html>' },
    ]);
    await expect(failure).rejects.toThrow();
    expect(await readFile(path.join(dir, 'atomic-old.xlsx'), 'utf8')).toBe('old workbook');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names the output, never its temporary file, when writing fails', async () => {
    await writeFile(path.join(dir, 'plain-file'), 'not a folder');
    const failure = await writeAllAtomically([{ target: path.join(dir, 'plain-file', 'sub', 'a.xlsx'), data: 'A' }]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OutputError);
    expect((failure as OutputError).target).toBe(path.join(dir, 'plain-file', 'sub', 'a.xlsx'));
    expect(String((failure as Error).message)).not.toMatch(/\.tmp/);
  });

  it('replaces an earlier report of ours given as --html, and leaves no temporary file', async () => {
    const args = ['scorecard', 'survey.csv', '--out', 'again/scorecard.xlsx', '--html', 'again/report.html', '--quiet'];
    expect((await runCli(cli, args, { cwd: dir })).code).toBe(0);
    const first = await readFile(path.join(dir, 'again/report.html'), 'utf8');
    const second = await runCli(cli, args, { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'again/report.html'), 'utf8')).toContain('<meta name="generator" content="service-kpi">');
    expect(first).toContain('<meta name="generator" content="service-kpi">');
    expect((await readdir(path.join(dir, 'again'))).sort()).toEqual(['report.html', 'scorecard.xlsx']);
  });

  it('removes its temporary files when stopped by SIGINT or SIGTERM while writing, and names none of them', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const target = path.join(dir, `stopped-${signal}.xlsx`);
      // A child process writes an output whose data never ends, and says when its temporary file exists.
      const script = `import { writeAllAtomically } from ${JSON.stringify(path.join(ROOT, 'cli/atomic.ts'))};
async function* data() { yield 'first chunk'; process.stdout.write('writing\\n'); await new Promise(() => setInterval(() => {}, 1000)); }
await writeAllAtomically([{ target: ${JSON.stringify(target)}, data: data() }]);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      await new Promise<void>((resolve) => child.stdout.on('data', (b: Buffer) => b.toString().includes('writing') && resolve()));
      expect((await readdir(dir)).filter((f) => f.includes(`stopped-${signal}`))).toHaveLength(1);
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr).toBe(`service-kpi: stopped by ${signal}; no output was written\n`);
      expect((await readdir(dir)).filter((f) => f.includes(`stopped-${signal}`))).toEqual([]);
    }
  }, 60_000);

  it('writes every output when all can be written, creating missing folders', async () => {
    await writeAllAtomically([
      { target: path.join(dir, 'new', 'deep', 'a.xlsx'), data: 'A' },
      { target: path.join(dir, 'new', 'b.html'), data: 'B' },
    ]);
    expect(await readFile(path.join(dir, 'new', 'deep', 'a.xlsx'), 'utf8')).toBe('A');
    expect(await readdir(path.join(dir, 'new'))).toEqual(['b.html', 'deep']);
  });
});

describe('recognising files and settings', () => {
  it('tells an encrypted workbook from an old .xls and from a zip', async () => {
    expect(fileKind(compoundFile(['EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
    expect(fileKind(compoundFile(['Workbook']))).toBe('ole');
    expect(fileKind(await readFile(SAMPLE))).toBe('zip');
    expect(fileKind(Buffer.alloc(0))).toBe('empty');
  });

  it('counts the parts of a workbook package the output does not carry over', () => {
    expect(packageParts([
      'xl/workbook.xml', 'xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/style1.xml', 'xl/pivotTables/pivotTable1.xml',
      'xl/slicers/slicer1.xml', 'xl/vbaProject.bin', 'xl/externalLinks/externalLink1.xml', 'xl/tables/table1.xml',
    ])).toEqual({ charts: 2, pivotTables: 1, slicers: 1, macros: true, externalLinks: 1, tables: 1 });
  });

  it('accepts targets as numbers, null or objects, and roles as a list or an object', () => {
    expect(parseTargets({ nps: 40, csat: { target: 0.8, direction: 'higher' }, churn: { enabled: false }, sla: null }, 't.json')).toEqual({
      nps: { target: 40 }, csat: { target: 0.8, direction: 'higher' }, churn: { enabled: false }, sla: { target: null },
    });
    expect(parseRoles([{ sheet: 'S', column: 2, role: null }], 'r.json')).toEqual({ detect: true, roles: [{ sheet: 'S', column: 2, role: null }] });
    expect(parseRoles({ detect: false, roles: [] }, 'r.json')).toEqual({ detect: false, roles: [] });
    const bad = (() => {
      try {
        parseRoles({ roles: [], extra: 1 }, 'r.json');
      } catch (e) {
        return isCliError(e) ? e.message : String(e);
      }
      return '';
    })();
    expect(bad).toMatch(/^r\.json: .*extra/);
  });
});
