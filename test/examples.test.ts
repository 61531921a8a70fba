import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, sheetsOf, writeSampleWorkbook, type SampleCell, type SampleData } from '../examples/generate.js';

// The committed sample workbook: everything the README, the sidebar preview, the column-detection
// tests and the CLI rely on is checked against the file itself, not only against the generator.
const SAMPLE = fileURLToPath(new URL('../examples/helpdesk.xlsx', import.meta.url));

const HEADERS: Record<string, string[]> = {
  Survey: ['Date', 'Customer', 'NPS', 'CSAT', 'Comment'],
  Tickets: [
    'Ticket ID', 'Opened', 'First response', 'Resolved', 'Agent', 'Team', 'Customer', 'Channel',
    'Converted', 'First contact resolved', 'Reopened', 'Complaint',
  ],
  Orders: ['Date', 'Customer', 'Amount', 'Profit', 'Units sold', 'Units returned'],
  Customers: [
    'Month', 'Customers at start', 'Customers at end', 'New customers', 'Lost customers',
    'Headcount at start', 'Headcount at end', 'Separations', 'Hires', 'Cash in', 'Cash out',
  ],
  Competitors: ['Competitor', 'NPS', 'CSAT', 'Avg resolution hours'],
  'Status log': ['Ticket ID', 'Changed at', 'Status'],
  Messages: ['Ticket ID', 'Sent at', 'Author'],
};

let book: ExcelJS.Workbook;
/** Data rows (below the header) of each sheet as read from the file, blanks as null. */
const sheet: Record<string, SampleCell[][]> = {};

beforeAll(async () => {
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  for (const ws of book.worksheets) {
    const width = HEADERS[ws.name]?.length ?? ws.columnCount;
    const rows: SampleCell[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row: SampleCell[] = [];
      for (let c = 1; c <= width; c++) row.push((ws.getCell(r, c).value as SampleCell | undefined) ?? null);
      rows.push(row);
    }
    sheet[ws.name] = rows;
  }
});

const column = (name: string, header: string): SampleCell[] => {
  const i = HEADERS[name].indexOf(header);
  return sheet[name].map((row) => row[i]);
};
const monthOf = (d: SampleCell): string => (d as Date).toISOString().slice(0, 7);
const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const count = (xs: SampleCell[], keep: (x: SampleCell) => boolean): number => xs.filter(keep).length;

/** NPS in points of the whole-number scores among `cells` (promoters 9–10 minus detractors 0–6). */
function nps(cells: SampleCell[]): number {
  const scores = cells.filter((x): x is number => typeof x === 'number');
  return ((count(scores, (s) => (s as number) >= 9) - count(scores, (s) => (s as number) <= 6)) / scores.length) * 100;
}

describe('the sample workbook examples/helpdesk.xlsx', () => {
  it('has the seven sheets in order, each with a bold, frozen header row of the documented columns', () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages']);
    for (const ws of book.worksheets) {
      const header = HEADERS[ws.name].map((_, c) => ws.getCell(1, c + 1));
      expect(header.map((cell) => cell.value)).toEqual(HEADERS[ws.name]);
      expect(header.every((cell) => cell.font?.bold === true)).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('holds about 1,200 survey responses, 3,000 tickets, 2,000 orders, 12 months and 4–5 competitors', () => {
    expect(sheet.Survey.length).toBeGreaterThanOrEqual(1100);
    expect(sheet.Survey.length).toBeLessThanOrEqual(1300);
    expect(sheet.Tickets.length).toBeGreaterThanOrEqual(2800);
    expect(sheet.Tickets.length).toBeLessThanOrEqual(3200);
    expect(sheet.Orders.length).toBeGreaterThanOrEqual(1800);
    expect(sheet.Orders.length).toBeLessThanOrEqual(2200);
    expect(sheet.Customers.length).toBe(12);
    expect(sheet.Competitors.length).toBeGreaterThanOrEqual(4);
    expect(sheet.Competitors.length).toBeLessThanOrEqual(5);
  });

  it('stores dates as real date cells with a date format', () => {
    const ws = book.getWorksheet('Tickets')!;
    expect(ws.getCell('B2').value).toBeInstanceOf(Date);
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(book.getWorksheet('Survey')!.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    for (const [name, header] of [['Survey', 'Date'], ['Tickets', 'Opened'], ['Orders', 'Date'], ['Customers', 'Month']]) {
      expect(column(name, header).every((d) => d instanceof Date)).toBe(true);
    }
  });

  it('covers every month from 2025-12 to 2026-11 in the Survey, the Tickets and the Orders', () => {
    for (const [name, header] of [['Survey', 'Date'], ['Tickets', 'Opened'], ['Orders', 'Date']]) {
      const months = new Set(column(name, header).map(monthOf));
      expect([...months].sort()).toEqual(MONTHS);
    }
  });
});

describe('the Survey sheet', () => {
  it('holds NPS scores that are whole numbers 0–10, blank or "n/a", with a few blanks and a few "n/a"', () => {
    const scores = column('Survey', 'NPS');
    const bad = scores.filter((x) => !(x === null || x === 'n/a' || (Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 10)));
    expect(bad).toEqual([]);
    expect(count(scores, (x) => x === null)).toBeGreaterThanOrEqual(3);
    expect(count(scores, (x) => x === 'n/a')).toBeGreaterThanOrEqual(3);
    // Every score of the scale occurs, so NPS groups and the breakdown all have members.
    expect(new Set(scores.filter((x) => typeof x === 'number')).size).toBe(11);
  });

  it('holds CSAT ratings that are whole numbers 1–5, blank or "n/a", with a few blanks and a few "n/a"', () => {
    const ratings = column('Survey', 'CSAT');
    const bad = ratings.filter((x) => !(x === null || x === 'n/a' || (Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 5)));
    expect(bad).toEqual([]);
    expect(count(ratings, (x) => x === null)).toBeGreaterThanOrEqual(3);
    expect(count(ratings, (x) => x === 'n/a')).toBeGreaterThanOrEqual(3);
  });

  it('shows a visible improvement: the last three months’ NPS beats the first three months’ by 10 points or more', () => {
    const rows = sheet.Survey;
    const first = rows.filter((r) => MONTHS.slice(0, 3).includes(monthOf(r[0]))).map((r) => r[2]);
    const last = rows.filter((r) => MONTHS.slice(9).includes(monthOf(r[0]))).map((r) => r[2]);
    expect(nps(last) - nps(first)).toBeGreaterThanOrEqual(10);
    // At least 30 responses a month, so the trend functions can test significance.
    for (const m of MONTHS) expect(count(rows.map((r) => r[0]), (d) => monthOf(d) === m)).toBeGreaterThanOrEqual(30);
  });

  it('has English and German comments naming attributes, negations, personal data, and some blanks', () => {
    const comments = column('Survey', 'Comment');
    const texts = comments.filter((x): x is string => typeof x === 'string');
    const some = (re: RegExp): number => count(texts, (t) => re.test(t as string));
    expect(count(comments, (x) => x === null)).toBeGreaterThan(50);
    for (const word of [/friendly/i, /freundlich/i, /fast/i, /schnell/i, /slow/i, /langsam/i, /helpful/i, /hilfsbereit/i]) {
      expect(some(word)).toBeGreaterThan(10);
    }
    expect(some(/nicht freundlich/i)).toBeGreaterThan(0);
    expect(some(/not very helpful/i)).toBeGreaterThan(0);
    expect(some(/[\w.]+@example\.(com|de)/)).toBeGreaterThan(5);
    expect(some(/https?:\/\/|www\./)).toBeGreaterThan(5);
  });
});

describe('the Tickets sheet', () => {
  it('keeps resolved ≥ first response ≥ opened wherever the dates are present', () => {
    const wrong = sheet.Tickets.filter(([, opened, first, resolved]) => {
      const o = (opened as Date).getTime();
      const f = first === null ? o : (first as Date).getTime();
      const r = resolved === null ? f : (resolved as Date).getTime();
      return !(o <= f && f <= r) || (resolved !== null && first === null);
    });
    expect(wrong).toEqual([]);
  });

  it('has about 5 % open tickets (no resolved date), most of them opened in the last two months', () => {
    const open = sheet.Tickets.filter((r) => r[3] === null);
    expect(open.length / sheet.Tickets.length).toBeGreaterThanOrEqual(0.03);
    expect(open.length / sheet.Tickets.length).toBeLessThanOrEqual(0.08);
    const recent = count(open.map((r) => r[1]), (d) => ['2026-10', '2026-11'].includes(monthOf(d)));
    expect(recent / open.length).toBeGreaterThan(0.5);
  });

  it('is opened mostly on weekdays between 08:00 and 18:00', () => {
    const working = count(column('Tickets', 'Opened'), (d) => {
      const t = d as Date;
      return t.getUTCDay() >= 1 && t.getUTCDay() <= 5 && t.getUTCHours() >= 8 && t.getUTCHours() < 18;
    });
    expect(working / sheet.Tickets.length).toBeGreaterThan(0.8);
  });

  it('has unique ticket ids, 8–12 agents, 2–3 teams and the four channels', () => {
    const ids = column('Tickets', 'Ticket ID');
    expect(new Set(ids).size).toBe(ids.length);
    const agents = new Set(column('Tickets', 'Agent')).size;
    expect(agents).toBeGreaterThanOrEqual(8);
    expect(agents).toBeLessThanOrEqual(12);
    const teams = new Set(column('Tickets', 'Team')).size;
    expect(teams).toBeGreaterThanOrEqual(2);
    expect(teams).toBeLessThanOrEqual(3);
    expect([...new Set(column('Tickets', 'Channel'))].sort()).toEqual(['Chat', 'Email', 'Phone', 'Web']);
  });

  it('holds TRUE/FALSE flags: Converted on some rows only, Reopened only on resolved tickets, about 5 % complaints', () => {
    const isFlag = (x: SampleCell): boolean => x === true || x === false;
    const converted = column('Tickets', 'Converted');
    expect(converted.every((x) => x === null || isFlag(x))).toBe(true);
    expect(count(converted, isFlag)).toBeGreaterThan(100);
    expect(count(converted, (x) => x === null)).toBeGreaterThan(sheet.Tickets.length / 2);
    expect(column('Tickets', 'First contact resolved').every(isFlag)).toBe(true);
    for (const [, , , resolved, , , , , , , reopened] of sheet.Tickets) {
      expect(resolved === null ? reopened === null : isFlag(reopened)).toBe(true);
    }
    const complaints = column('Tickets', 'Complaint');
    expect(complaints.every(isFlag)).toBe(true);
    expect(count(complaints, (x) => x === true) / complaints.length).toBeGreaterThanOrEqual(0.03);
    expect(count(complaints, (x) => x === true) / complaints.length).toBeLessThanOrEqual(0.08);
  });

  it('shares customer ids like C-1042 with the Survey and the Orders', () => {
    const ids = (name: string) => new Set(column(name, 'Customer'));
    const tickets = ids('Tickets');
    for (const id of tickets) expect(id).toMatch(/^C-\d{4}$/);
    expect(count([...ids('Survey')], (id) => tickets.has(id))).toBeGreaterThan(100);
    expect(count([...ids('Orders')], (id) => tickets.has(id))).toBeGreaterThan(100);
  });
});

describe('the Status log and Messages sheets', () => {
  /** Each ticket's log rows (the sheets list them ticket by ticket, in time order). */
  const byTicket = (name: string): Map<string, SampleCell[][]> => {
    const out = new Map<string, SampleCell[][]>();
    for (const r of sheet[name]) {
      if (!out.has(r[0] as string)) out.set(r[0] as string, []);
      out.get(r[0] as string)!.push(r);
    }
    return out;
  };
  const tickets = (): Map<string, SampleCell[]> => new Map(sheet.Tickets.map((r) => [r[0] as string, r]));
  const ms = (x: SampleCell): number => (x as Date).getTime();

  it('log every ticket in time order, with the statuses new, open, pending, on-hold, solved, closed', () => {
    const logs = byTicket('Status log');
    expect(logs.size).toBe(sheet.Tickets.length);
    for (const rows of logs.values()) for (let i = 1; i < rows.length; i++) expect(ms(rows[i][1])).toBeGreaterThanOrEqual(ms(rows[i - 1][1]));
    expect([...new Set(column('Status log', 'Status'))].sort()).toEqual(['closed', 'new', 'on-hold', 'open', 'pending', 'solved']);
    expect(count(column('Status log', 'Status'), (s) => s === 'pending')).toBeGreaterThan(300);
  });

  it('agree with the Tickets sheet: new when opened, open at the first response, solved when resolved (the last time), closed 4 days later', () => {
    const logs = byTicket('Status log');
    for (const [id, t] of tickets()) {
      const rows = logs.get(id)!;
      expect(rows[0][2]).toBe('new');
      expect(ms(rows[0][1])).toBe(ms(t[1]));
      if (t[2] !== null) expect(rows.some((r) => r[2] === 'open' && ms(r[1]) === ms(t[2]))).toBe(true);
      const solved = rows.filter((r) => r[2] === 'solved');
      if (t[3] === null) expect(solved).toEqual([]);
      else {
        expect(ms(solved[solved.length - 1][1])).toBe(ms(t[3]));
        // Solved twice exactly when the ticket was reopened.
        expect(solved.length).toBe(t[10] === true ? 2 : 1);
        const last = rows[rows.length - 1];
        expect(last[2] === 'closed' ? ms(last[1]) - ms(t[3]) : -1).toBe(ms(t[3]) + 4 * 86_400_000 <= Date.UTC(2026, 11, 1) ? 4 * 86_400_000 : -1);
      }
    }
  });

  it('log messages of customers, agents and internal notes; phone tickets are created by the agent', () => {
    const logs = byTicket('Messages');
    expect(logs.size).toBe(sheet.Tickets.length);
    expect([...new Set(column('Messages', 'Author'))].sort()).toEqual(['agent', 'customer', 'note']);
    for (const [id, t] of tickets()) {
      const rows = logs.get(id)!;
      expect(rows[0][2]).toBe(t[7] === 'Phone' ? 'agent' : 'customer');
      expect(ms(rows[0][1])).toBe(ms(t[1]));
      // The first reply is the first response (for an agent-created ticket its second agent message).
      const agents = rows.filter((r) => r[2] === 'agent');
      const reply = t[7] === 'Phone' ? agents[1] : agents[0];
      if (t[2] === null) expect(reply).toBeUndefined();
      else expect(ms(reply[1])).toBe(ms(t[2]));
    }
    // Customers answer a waiting ticket, sometimes twice in a row.
    const runs = [...logs.values()].filter((rows) => rows.some((r, i) => i > 0 && r[2] === 'customer' && rows[i - 1][2] === 'customer'));
    expect(runs.length).toBeGreaterThan(50);
  });
});

describe('the Orders, Customers and Competitors sheets', () => {
  it('has orders with money amounts and whole units, never more returned than sold', () => {
    for (const [, , amount, profit, sold, returned] of sheet.Orders) {
      expect(amount as number).toBeGreaterThan(0);
      expect(typeof profit).toBe('number');
      expect(Number.isInteger(sold) && (sold as number) >= 1).toBe(true);
      expect(Number.isInteger(returned) && (returned as number) >= 0 && (returned as number) <= (sold as number)).toBe(true);
    }
    expect(count(column('Orders', 'Units returned'), (x) => (x as number) > 0)).toBeGreaterThan(20);
  });

  it('has one row per month on the first day, with stocks that chain and add up', () => {
    const rows = sheet.Customers;
    expect(rows.map((r) => (r[0] as Date).toISOString().slice(0, 10))).toEqual(MONTHS.map((m) => `${m}-01`));
    rows.forEach(([, start, end, gained, lost, staffStart, staffEnd, separations, hires], i) => {
      expect(end).toBe((start as number) + (gained as number) - (lost as number));
      expect(staffEnd).toBe((staffStart as number) + (hires as number) - (separations as number));
      if (i > 0) {
        expect(start).toBe(rows[i - 1][2]);
        expect(staffStart).toBe(rows[i - 1][6]);
      }
    });
    for (const r of rows) expect(r.slice(1).every((x) => typeof x === 'number' && x >= 0)).toBe(true);
  });

  it('lists competitors with an NPS in points, a CSAT share and resolution hours', () => {
    for (const [name, score, csat, hours] of sheet.Competitors) {
      expect(typeof name).toBe('string');
      expect(Number.isInteger(score) && (score as number) >= -100 && (score as number) <= 100).toBe(true);
      expect((csat as number) > 0 && (csat as number) < 1).toBe(true);
      expect((hours as number) > 0).toBe(true);
    }
  });
});

describe('generating the sample', () => {
  let data: SampleData;
  beforeAll(() => {
    data = generateSample();
  });

  it('gives identical data for the same seed and different data for another seed', () => {
    expect(generateSample()).toEqual(data);
    expect(generateSample(7).tickets.rows).not.toEqual(data.tickets.rows);
  });

  it('reproduces every cell of the committed file (regenerate it with `npx tsx examples/generate.ts` if this fails)', () => {
    for (const s of sheetsOf(data)) {
      expect(sheet[s.name].length, s.name).toBe(s.rows.length);
      expect(sheet[s.name], s.name).toEqual(s.rows);
    }
  });

  it('scales one sheet without changing the others', () => {
    const bigger = generateSample(undefined, { tickets: 12_000 });
    expect(bigger.tickets.rows.length).toBe(12_000);
    expect(new Set(bigger.tickets.rows.map((r) => monthOf(r[1])))).toEqual(new Set(MONTHS));
    expect(bigger.survey).toEqual(data.survey);
    expect(bigger.orders).toEqual(data.orders);
    // The logs cover the first 3,000 tickets unless asked for more.
    const logged = (s: typeof bigger.statusLog): Set<unknown> => new Set(s.rows.map((r) => r[0]));
    expect(logged(bigger.statusLog)).toEqual(new Set(bigger.tickets.rows.slice(0, 3000).map((r) => r[0])));
    expect(logged(bigger.messages)).toEqual(logged(bigger.statusLog));
  });

  describe('writing the workbook', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'helpdesk-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes the same bytes every time, matching the committed file', async () => {
      const a = path.join(dir, 'a.xlsx');
      const b = path.join(dir, 'b.xlsx');
      await writeSampleWorkbook(a, data);
      await writeSampleWorkbook(b, data);
      const bytes = await readFile(a);
      expect(bytes.equals(await readFile(b))).toBe(true);
      expect(bytes.equals(await readFile(SAMPLE))).toBe(true);
      expect(bytes.length).toBeLessThan(1_000_000);
    });
  });
});
