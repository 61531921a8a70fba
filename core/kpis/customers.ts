/**
 * Customers: retention, churn, repeat customers, conversion, first-contact resolution, reopens,
 * complaints, returns, revenue per customer and the gap to competitors (source articles: the
 * customer-service KPIs and the balanced-scorecard customer perspective).
 *
 * Stocks (customers on a date) and flows (customers won or lost, complaints, returns, amounts) are
 * read differently: a stock range in period order gives its first number (at the start), its last
 * (at the end) or its average; a flow range is summed. So monthly columns give the whole span's rate.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import type { CallContext } from '../values/context.js';
import {
  cellError, firstOf, isOmitted, lastOf, readCounts as readCountColumn, readKeys, readNumberArg, readNumbers, readWordArg,
  requireSameSize, sumOf,
} from '../values/read.js';
import type { NumberColumn } from '../values/read.js';
import { readFlags, readFlow, truthyCount } from '../values/flags.js';
import { DIRECTION_WORDS, MODE_WORDS } from '../values/words.js';
import { retentionShare } from './retention.js';

type Ctx = CallContext;

// ---------------------------------------------------------------- stocks and flows

/** A range (or number) of customer or item counts: negatives are data errors, not counts. */
function readCounts(ctx: Ctx, x: unknown, arg: string): NumberColumn {
  return readCountColumn(ctx, x, arg, 'a count cannot be negative');
}

function noNumber(ctx: Ctx, arg: string): never {
  throw noDataError(ctx.fn, `no data (${arg} holds no number)`);
}

/** A stock at the start of the span: the first number of a range in period order. */
function stockAtStart(ctx: Ctx, x: unknown, arg: string): number {
  const v = firstOf(readCounts(ctx, x, arg));
  return v === v ? v : noNumber(ctx, arg);
}

/** A stock at the end of the span: the last number of a range in period order. */
function stockAtEnd(ctx: Ctx, x: unknown, arg: string): number {
  const v = lastOf(readCounts(ctx, x, arg));
  return v === v ? v : noNumber(ctx, arg);
}

/**
 * A flow over the span: the sum of the numbers, or the truthy flags of a yes/no column (one row per
 * customer or item). A range without any number or flag is no data, not 0.
 */
function flowOf(ctx: Ctx, x: unknown, arg: string): number {
  return flowColumn(ctx, x, arg).sum;
}

function flowColumn(ctx: Ctx, x: unknown, arg: string): { sum: number; count: number } {
  const flow = readFlow(ctx, x, arg, 'a count cannot be negative');
  return flow.count > 0 ? { sum: flow.total, count: flow.count } : noNumber(ctx, arg);
}

function requireNonZero(ctx: Ctx, v: number, what: string): void {
  if (v === 0) throw valueError(ctx.fn, `${what} 0; cannot divide by zero`);
}

/** −0 shows as 0 in every host, but keep results clean for comparisons. */
const clean = (x: number): number => x + 0;

function retentionRate(ctx: Ctx, args: readonly unknown[]): number {
  const start = stockAtStart(ctx, args[0], 'customers_start');
  const end = stockAtEnd(ctx, args[1], 'customers_end');
  const won = flowOf(ctx, args[2], 'new_customers');
  requireNonZero(ctx, start, 'customers_start is');
  return retentionShare(ctx, start, end, won, { start: 'customers_start', end: 'customers_end', added: 'new_customers', who: 'customers' });
}

function churnRate(ctx: Ctx, args: readonly unknown[]): number {
  const start = stockAtStart(ctx, args[0], 'customers_start');
  const lost = flowOf(ctx, args[1], 'customers_lost');
  requireNonZero(ctx, start, 'customers_start is');
  return lost / start;
}

function complaintRate(ctx: Ctx, args: readonly unknown[]): number {
  const complaints = flowOf(ctx, args[0], 'complaints');
  const customers = readCounts(ctx, args[1], 'customers');
  if (customers.count === 0) noNumber(ctx, 'customers');
  const average = sumOf(customers) / customers.count;
  requireNonZero(ctx, average, customers.count === 1 ? 'customers is' : 'customers averages');
  const per = readNumberArg(ctx, args[2], 'per', 1);
  if (!(per > 0)) throw valueError(ctx.fn, `per must be greater than 0, not ${per}`);
  return (complaints / average) * per;
}

function returnRate(ctx: Ctx, args: readonly unknown[]): number {
  const returned = flowOf(ctx, args[0], 'returned');
  const sold = flowColumn(ctx, args[1], 'sold');
  requireNonZero(ctx, sold.sum, sold.count === 1 ? 'sold is' : 'sold adds up to');
  return returned / sold.sum;
}

// ---------------------------------------------------------------- customer ids

/**
 * Column headers of an id column (compared without case, spaces, dots, hyphens, underscores, `#`).
 * Ids themselves are often text, so only these words mark a header; anything else is an id.
 */
const ID_HEADERS = new Set([
  'id', 'ids', 'customer', 'customers', 'customerid', 'customerids', 'customerno', 'customernr', 'customernumber',
  'customername', 'client', 'clientid', 'clientno', 'clientnumber', 'account', 'accountid', 'accountno',
  'accountnumber', 'user', 'userid', 'email', 'mail', 'emailaddress', 'contact', 'contactid', 'buyer', 'buyerid',
  'kunde', 'kunden', 'kundenid', 'kundenids', 'kundennummer', 'kundennr', 'kdnr', 'kundenname', 'kundin', 'konto',
  'kontonummer', 'kontonr', 'nutzer', 'nutzerid', 'benutzer', 'benutzerid', 'käufer', 'kaeufer', 'käuferid',
  'emailadresse', 'kontakt', 'nr', 'nummer', 'no', 'number',
]);

function isIdHeader(key: string): boolean {
  return ID_HEADERS.has(key.toLowerCase().replace(/[\s._#-]+/g, ''));
}

function repeatCustomerRate(ctx: Ctx, args: readonly unknown[]): number {
  const { keys } = readKeys(ctx, args[0], 'customer_ids');
  const seen = new Map<string, number>();
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === undefined) continue;
    if (first) {
      first = false;
      if (isIdHeader(k)) continue;
    }
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  if (seen.size === 0) throw noDataError(ctx.fn, 'no data (customer_ids holds no id)');
  let repeat = 0;
  for (const n of seen.values()) if (n > 1) repeat++;
  return repeat / seen.size;
}

/**
 * Revenue per customer: rows pair an amount with a customer id. Rows without a number in amounts
 * (blanks, the header row, "n/a") are skipped with their id. An amount without an id is an error:
 * counting it would inflate the result and dropping it would lose revenue.
 */
function revenuePerCustomer(ctx: Ctx, args: readonly unknown[]): number {
  const amounts = readNumbers(ctx, args[0], 'amounts');
  const ids = readKeys(ctx, args[1], 'customer_ids');
  requireSameSize(ctx, amounts, 'amounts', ids.grid, 'customer_ids');
  const customers = new Set<string>();
  const v = amounts.values;
  let total = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== v[i]) continue;
    const k = ids.keys[i];
    if (k === undefined) cellError(ctx, amounts.grid, i, 'has no customer id beside it; fill in the id or remove the amount', 'amounts');
    customers.add(k);
    total += v[i];
  }
  if (customers.size === 0) throw noDataError(ctx.fn, 'no data (no row has both an amount and a customer id)');
  return clean(total / customers.size);
}

// ---------------------------------------------------------------- flags

/** Share of truthy flags among the non-blank ones (with `counts`, reopen counts > 0 are truthy). */
function flagShare(ctx: Ctx, x: unknown, arg: string, counts = false): number {
  const col = readFlags(ctx, x, arg, counts);
  if (col.count === 0) throw noDataError(ctx.fn, `no data (${arg} holds no ${counts ? 'yes/no value or count' : 'yes/no value'})`);
  return truthyCount(col) / col.count;
}

// ---------------------------------------------------------------- competitors

function competitorGap(ctx: Ctx, args: readonly unknown[]): number {
  if (isOmitted(args[0])) throw noDataError(ctx.fn, 'no data (our_value is blank)');
  const ours = readNumberArg(ctx, args[0], 'our_value');
  const competitors = readNumbers(ctx, args[1], 'competitor_values');
  const mode = readWordArg(ctx, args[2], 'mode', MODE_WORDS, 'average');
  const direction = readWordArg(ctx, args[3], 'direction', DIRECTION_WORDS, 'higher');
  if (competitors.count === 0) throw noDataError(ctx.fn, 'no data (competitor_values holds no number)');
  const c = competitors.values;
  const lower = direction === 'lower';
  if (mode === 'rank') {
    let better = 0;
    for (let i = 0; i < c.length; i++) {
      if (c[i] !== c[i]) continue;
      // Equal values (up to rounding) share a rank: only a clear difference is "better".
      const eps = 1e-9 * Math.max(Math.abs(c[i]), Math.abs(ours));
      if (lower ? c[i] < ours - eps : c[i] > ours + eps) better++;
    }
    return 1 + better;
  }
  let ref: number;
  if (mode === 'average') {
    ref = sumOf(competitors) / competitors.count;
  } else {
    ref = lower ? Infinity : -Infinity;
    for (let i = 0; i < c.length; i++) {
      if (c[i] !== c[i]) continue;
      if (lower ? c[i] < ref : c[i] > ref) ref = c[i];
    }
  }
  return clean(lower ? ref - ours : ours - ref);
}

// ---------------------------------------------------------------- catalog entries

const FLAG_HELP_EN = 'Truthy: TRUE, 1, yes/ja/y/j/x, true/wahr, answered/angenommen; falsy: FALSE, 0, no/nein/n, false/falsch, abandoned/abgebrochen (any case). Blanks are skipped. Unknown text in the first non-blank cell is taken as the header and skipped; unknown text further down is an error naming the cell. With no yes/no value at all the result is "no data" (#N/A).';
const FLAG_HELP_DE = 'Ja-Werte: TRUE/WAHR, 1, ja/yes/j/y/x, angenommen/answered; Nein-Werte: FALSE/FALSCH, 0, nein/no/n, abgebrochen/abandoned (Groß-/Kleinschreibung egal). Leere Zellen werden übersprungen. Unbekannter Text in der ersten nicht leeren Zelle gilt als Überschrift und wird übersprungen; unbekannter Text weiter unten ist ein Fehler, der die Zelle nennt. Ohne einen einzigen Ja/Nein-Wert lautet das Ergebnis „keine Daten“ (#NV).';

const COUNT_HELP_EN = 'Each argument is a number or a range; text (a header) and blanks are skipped, a blank is never 0, numeric text such as "1,5" or "94%" is read (94% is 0.94), and a range without any number is "no data" (#N/A). Negative counts are errors naming the cell.';

/** Flows given as flags (v3). */
const FLOW_FLAGS_EN = 'A flow may also be a range of yes/no flags, one row per customer or item (a Churn Yes/No column, complaint flags such as x or ja): its truthy flags are counted, so CHURN_RATE(COUNTA(A2:A7044), C2:C7044) works on a per-customer Churn column. The flag rule then applies: the first text is the header, other unknown text is an error, and counts other than 1 and 0 may not be mixed with flags.';
const FLOW_FLAGS_DE = 'Ein Fluss kann auch ein Bereich von Ja/Nein-Kennzeichen sein, eine Zeile je Kunde oder Stück (eine Spalte Churn Yes/No, Beschwerde-Kennzeichen wie x oder ja): Gezählt werden seine Ja-Werte, CHURN_RATE(ANZAHL2(A2:A7044); C2:C7044) funktioniert also mit einer Churn-Spalte je Kunde. Dann gilt die Regel für Kennzeichen: Der erste Text ist die Überschrift, anderer unbekannter Text ist ein Fehler, und andere Zahlen als 1 und 0 dürfen nicht mit Kennzeichen gemischt werden.';
const COUNT_HELP_DE = 'Jedes Argument ist eine Zahl oder ein Bereich; Text (eine Überschrift) und leere Zellen werden übersprungen, eine leere Zelle zählt nie als 0, Zahlentext wie "1,5" oder "94%" wird gelesen (94% ist 0,94), und ein Bereich ohne jede Zahl ergibt „keine Daten“ (#NV). Negative Anzahlen sind Fehler, die die Zelle nennen.';

const ID_HELP_EN = 'Ids are compared as trimmed text, case-sensitive; 42 and "42" are the same id. Blanks are skipped. A first id that is a usual column header (id, customer, customer id, client, account, email, Kunde, Kunden-ID, Kundennummer, Kundennr …) is taken as the header and skipped; any other text is an id.';
const ID_HELP_DE = 'IDs werden als Text ohne führende und folgende Leerzeichen verglichen, mit Beachtung der Groß-/Kleinschreibung; 42 und "42" sind dieselbe ID. Leere Zellen werden übersprungen. Ist die erste ID eine übliche Spaltenüberschrift (Kunde, Kunden-ID, Kundennummer, Kundennr, id, customer, customer id, client, account, E-Mail …), wird sie als Überschrift übersprungen; jeder andere Text ist eine ID.';

export const customerFunctions: readonly FunctionSpec[] = [
  {
    name: 'RETENTION_RATE',
    family: 'customers',
    args: [
      { name: 'customers_start', kind: 'any', description: { en: 'Customers at the start (a number, or a range in period order: its first number is used)', de: 'Kunden zu Beginn (eine Zahl oder ein Bereich in zeitlicher Reihenfolge: die erste Zahl zählt)' } },
      { name: 'customers_end', kind: 'any', description: { en: 'Customers at the end (a number, or a range in period order: its last number is used)', de: 'Kunden am Ende (eine Zahl oder ein Bereich in zeitlicher Reihenfolge: die letzte Zahl zählt)' } },
      { name: 'new_customers', kind: 'any', description: { en: 'Customers won during the span (a number or a range that is summed)', de: 'Im Zeitraum neu gewonnene Kunden (eine Zahl oder ein Bereich, der summiert wird)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of the starting customers still customers at the end', de: 'Anteil der Kunden vom Beginn, die am Ende noch Kunden sind' },
    help: {
      en: `(customers_end − new_customers) / customers_start, a share from 0 to 1. Customers at the start and end are stocks: with monthly ranges the first start and the last end count, and new customers are summed over all months, so twelve monthly rows give the year's retention. ${COUNT_HELP_EN} ${FLOW_FLAGS_EN} A start of 0 is an error (cannot divide by zero), and so are inputs that give a share outside 0–1: more new customers than customers at the end, or more customers at the end than at the start plus the new ones.`,
      de: `(Kunden am Ende − Neukunden) / Kunden zu Beginn, ein Anteil von 0 bis 1. Kunden zu Beginn und am Ende sind Bestände: Bei Monatsbereichen zählen der erste Anfangs- und der letzte Endbestand, Neukunden werden über alle Monate summiert; zwölf Monatszeilen ergeben also die Kundenbindung des Jahres. ${COUNT_HELP_DE} ${FLOW_FLAGS_DE} Ein Anfangsbestand von 0 ist ein Fehler (Division durch null), ebenso Eingaben, die einen Anteil außerhalb von 0–1 ergeben: mehr Neukunden als Kunden am Ende oder mehr Kunden am Ende als zu Beginn plus Neukunden.`,
    },
    example: '=RETENTION_RATE(200, 210, 30) → 0.9',
    source: 'Customer retention rate (E − N) / S, the standard CRM definition; a core measure of the balanced-scorecard customer perspective (Kaplan & Norton)',
    impl: retentionRate,
  },
  {
    name: 'CHURN_RATE',
    family: 'customers',
    args: [
      { name: 'customers_start', kind: 'any', description: { en: 'Customers at the start (a number, or a range in period order: its first number is used)', de: 'Kunden zu Beginn (eine Zahl oder ein Bereich in zeitlicher Reihenfolge: die erste Zahl zählt)' } },
      { name: 'customers_lost', kind: 'any', description: { en: 'Customers lost during the span (a number, a range that is summed, or a Yes/No churn column)', de: 'Im Zeitraum verlorene Kunden (eine Zahl, ein Bereich, der summiert wird, oder eine Ja/Nein-Spalte)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of the starting customers lost during the span', de: 'Anteil der Kunden vom Beginn, die im Zeitraum verloren gingen' },
    help: {
      en: `customers_lost / customers_start. The start is a stock (a range's first number), lost customers a flow (summed), so monthly ranges give the churn of the whole span. ${COUNT_HELP_EN} ${FLOW_FLAGS_EN} Example: 7043 customers with 1869 Yes in their Churn column give 0.265. A start of 0 is an error (cannot divide by zero). The rate can exceed 1 when customers won during the span are also lost in it.`,
      de: `Verlorene Kunden / Kunden zu Beginn. Der Anfangsbestand ist ein Bestand (die erste Zahl eines Bereichs), verlorene Kunden sind ein Fluss (summiert); Monatsbereiche ergeben also die Abwanderung des ganzen Zeitraums. ${COUNT_HELP_DE} ${FLOW_FLAGS_DE} Beispiel: 7043 Kunden mit 1869 Yes in ihrer Churn-Spalte ergeben 0,265. Ein Anfangsbestand von 0 ist ein Fehler (Division durch null). Die Quote kann über 1 liegen, wenn im Zeitraum gewonnene Kunden auch wieder verloren gehen.`,
    },
    example: '=CHURN_RATE(200, 10) → 0.05',
    source: 'Customer churn (attrition) rate = customers lost / customers at the start of the period; the "loss" measure of the balanced-scorecard customer perspective',
    impl: churnRate,
  },
  {
    name: 'REPEAT_CUSTOMER_RATE',
    family: 'customers',
    args: [
      { name: 'customer_ids', kind: 'range', description: { en: 'One customer id per order or visit', de: 'Eine Kunden-ID je Bestellung oder Besuch' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of distinct customers that appear more than once', de: 'Anteil der verschiedenen Kunden, die mehr als einmal vorkommen' },
    help: {
      en: `Number of distinct customer ids that occur at least twice / number of distinct ids. ${ID_HELP_EN} Error cells are errors naming their position; with no id at all the result is "no data" (#N/A).`,
      de: `Anzahl der verschiedenen Kunden-IDs, die mindestens zweimal vorkommen / Anzahl der verschiedenen IDs. ${ID_HELP_DE} Fehlerzellen sind Fehler mit Angabe ihrer Position; ohne eine einzige ID lautet das Ergebnis „keine Daten“ (#NV).`,
    },
    example: '=REPEAT_CUSTOMER_RATE({"A";"B";"A";"C";"B";"D"}) → 0.5',
    source: 'Repeat customer rate = returning customers / all customers (e-commerce and retail standard)',
    impl: repeatCustomerRate,
  },
  {
    name: 'CONVERSION_RATE',
    family: 'customers',
    args: [
      { name: 'outcomes', kind: 'range', values: 'flags', description: { en: 'One yes/no outcome per lead, visit or offer', de: 'Ein Ja/Nein-Ergebnis je Lead, Besuch oder Angebot' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of outcomes that converted', de: 'Anteil der Ergebnisse mit Abschluss' },
    help: {
      en: `Truthy outcomes / non-blank outcomes. ${FLAG_HELP_EN}`,
      de: `Ja-Werte / nicht leere Ergebnisse. ${FLAG_HELP_DE}`,
    },
    example: '=CONVERSION_RATE(C2:C201) → 0.12',
    source: 'Conversion rate = conversions / opportunities (leads, visits or offers)',
    impl: (ctx, args) => flagShare(ctx, args[0], 'outcomes'),
  },
  {
    name: 'FIRST_CONTACT_RESOLUTION',
    family: 'customers',
    args: [
      { name: 'flags', kind: 'range', values: 'flags', description: { en: 'Per ticket: resolved at the first contact (yes/no)', de: 'Je Ticket: beim ersten Kontakt gelöst (ja/nein)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of tickets resolved at the first contact', de: 'Anteil der beim ersten Kontakt gelösten Tickets' },
    help: {
      en: `Tickets flagged as resolved at the first contact / tickets with a flag. ${FLAG_HELP_EN}`,
      de: `Beim ersten Kontakt gelöste Tickets / Tickets mit Ja/Nein-Angabe. ${FLAG_HELP_DE}`,
    },
    example: '=FIRST_CONTACT_RESOLUTION(D2:D501) → 0.74',
    source: 'First contact resolution (FCR) = contacts resolved on the first contact / all contacts (ICMI, SQM Group)',
    impl: (ctx, args) => flagShare(ctx, args[0], 'flags'),
  },
  {
    name: 'REOPEN_RATE',
    family: 'customers',
    args: [
      { name: 'flags', kind: 'range', values: 'flags', description: { en: 'Per resolved ticket: was it reopened (yes/no), or its reopen count', de: 'Je gelöstem Ticket: wurde es wieder geöffnet (ja/nein) oder wie oft' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of resolved tickets that were reopened', de: 'Anteil der gelösten Tickets, die wieder geöffnet wurden' },
    help: {
      en: `Resolved tickets flagged as reopened / resolved tickets with a flag (one row per resolved ticket; a blank row is skipped, it is not "not reopened"). The column may also hold reopen counts, as helpdesk exports write them: a whole number from 0, where a count above 0 is a reopened ticket (0, 3, 0, 1, 0 gives 0.4); other numbers are errors. ${FLAG_HELP_EN}`,
      de: `Als wieder geöffnet markierte gelöste Tickets / gelöste Tickets mit Ja/Nein-Angabe (eine Zeile je gelöstem Ticket; eine leere Zeile wird übersprungen und zählt nicht als „nicht wieder geöffnet“). Die Spalte darf auch die Zahl der Wiedereröffnungen enthalten, wie Helpdesk-Exporte sie schreiben: eine ganze Zahl ab 0, wobei jede Zahl über 0 ein wieder geöffnetes Ticket ist (0, 3, 0, 1, 0 ergibt 0,4); andere Zahlen sind Fehler. ${FLAG_HELP_DE}`,
    },
    example: '=REOPEN_RATE(E2:E501) → 0.06',
    source: 'Ticket reopen rate = reopened tickets / solved tickets (helpdesk standard, e.g. Zendesk reopens)',
    impl: (ctx, args) => flagShare(ctx, args[0], 'flags', true),
  },
  {
    name: 'COMPLAINT_RATE',
    family: 'customers',
    args: [
      { name: 'complaints', kind: 'any', description: { en: 'Complaints received (a number, a range that is summed, or a column of complaint flags)', de: 'Eingegangene Beschwerden (eine Zahl, ein Bereich, der summiert wird, oder eine Spalte mit Beschwerde-Kennzeichen)' } },
      { name: 'customers', kind: 'any', description: { en: 'Customers (a number, or a range of counts per period that is averaged)', de: 'Kunden (eine Zahl oder ein Bereich mit Beständen je Zeitraum, der gemittelt wird)' } },
      { name: 'per', kind: 'number', optional: true, default: '1', description: { en: 'Scale: 1 gives complaints per customer, 1000 per thousand customers', de: 'Maßstab: 1 ergibt Beschwerden je Kunde, 1000 je tausend Kunden' } },
    ],
    result: 'scalar',
    unit: 'number',
    summary: { en: 'Complaints per customer (or per `per` customers)', de: 'Beschwerden je Kunde (oder je `per` Kunden)' },
    help: {
      en: `sum(complaints) / average(customers) × per. Complaints are a flow (summed; a column of complaint flags such as TRUE/FALSE or ja/nein counts its TRUE cells), customers a stock (averaged over the periods), so twelve monthly rows give the year's complaints per average customer. ${COUNT_HELP_EN} ${FLOW_FLAGS_EN} Example: x in 12 of 400 rows of a Complaint column, with 400 customers: COMPLAINT_RATE(D2:D401, 400, 1000) = 30. An average of 0 customers is an error (cannot divide by zero); per defaults to 1 and must be greater than 0.`,
      de: `Summe(Beschwerden) / Mittelwert(Kunden) × per. Beschwerden sind ein Fluss (summiert; eine Spalte mit Beschwerde-Kennzeichen wie WAHR/FALSCH oder ja/nein zählt ihre WAHR-Zellen), Kunden ein Bestand (über die Zeiträume gemittelt); zwölf Monatszeilen ergeben also die Beschwerden des Jahres je durchschnittlichem Kunden. ${COUNT_HELP_DE} ${FLOW_FLAGS_DE} Beispiel: x in 12 von 400 Zeilen einer Spalte Beschwerde bei 400 Kunden: COMPLAINT_RATE(D2:D401; 400; 1000) = 30. Ein Mittel von 0 Kunden ist ein Fehler (Division durch null); per ist standardmäßig 1 und muss größer als 0 sein.`,
    },
    example: '=COMPLAINT_RATE(B2:B13, C2:C13, 1000) → 2.5',
    source: 'Complaint rate = complaints / customers in the period (complaint-handling monitoring as in ISO 10002)',
    impl: complaintRate,
  },
  {
    name: 'RETURN_RATE',
    family: 'customers',
    args: [
      { name: 'returned', kind: 'any', description: { en: 'Units (or orders) returned (a number or a range that is summed)', de: 'Zurückgegebene Stück (oder Bestellungen) (eine Zahl oder ein Bereich, der summiert wird)' } },
      { name: 'sold', kind: 'any', description: { en: 'Units (or orders) sold (a number or a range that is summed)', de: 'Verkaufte Stück (oder Bestellungen) (eine Zahl oder ein Bereich, der summiert wird)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Returned units as a share of units sold', de: 'Retouren als Anteil der verkauften Stück' },
    help: {
      en: `sum(returned) / sum(sold). ${COUNT_HELP_EN} ${FLOW_FLAGS_EN} Sold adding up to 0 is an error (cannot divide by zero). The rate can exceed 1 when returns of earlier sales fall into the span.`,
      de: `Summe(Retouren) / Summe(verkauft). ${COUNT_HELP_DE} ${FLOW_FLAGS_DE} Ergeben die Verkäufe zusammen 0, ist das ein Fehler (Division durch null). Die Quote kann über 1 liegen, wenn Retouren früherer Verkäufe in den Zeitraum fallen.`,
    },
    example: '=RETURN_RATE(30, 600) → 0.05',
    source: 'Product return rate = units returned / units sold (retail standard); product returns as a data source of the balanced-scorecard customer perspective',
    impl: returnRate,
  },
  {
    name: 'REVENUE_PER_CUSTOMER',
    family: 'customers',
    args: [
      { name: 'amounts', kind: 'range', description: { en: 'Revenue (or profit) per sale or order', de: 'Umsatz (oder Gewinn) je Verkauf oder Bestellung' } },
      { name: 'customer_ids', kind: 'range', description: { en: 'The customer id of each sale or order (same size as amounts)', de: 'Die Kunden-ID jedes Verkaufs bzw. jeder Bestellung (gleich groß wie amounts)' } },
    ],
    result: 'scalar',
    unit: 'money',
    summary: { en: 'Revenue (or profit) per distinct customer', de: 'Umsatz (oder Gewinn) je verschiedenem Kunden' },
    help: {
      en: 'sum(amounts) / number of distinct customer ids, one row per sale or order; pass profits instead of revenue for profit per customer. Rows pair up: a row whose amount is blank or text (the header row, "n/a") is skipped together with its id, so that customer counts only if another row has an amount. An amount with a blank id beside it is an error naming the row (counting it would inflate the result, dropping it would lose revenue). Ids are compared as trimmed text, case-sensitive; 42 and "42" are the same id. Negative amounts (refunds) are included. The two ranges must be the same size; with no row holding both an amount and an id the result is "no data" (#N/A).',
      de: 'Summe(Beträge) / Anzahl verschiedener Kunden-IDs, eine Zeile je Verkauf oder Bestellung; mit Gewinnen statt Umsätzen ergibt sich der Gewinn je Kunde. Die Zeilen gehören paarweise zusammen: Eine Zeile mit leerem Betrag oder Text (Überschrift, „n/a“) wird samt ihrer ID übersprungen; dieser Kunde zählt also nur, wenn eine andere Zeile einen Betrag hat. Ein Betrag ohne Kunden-ID daneben ist ein Fehler, der die Zeile nennt (mitzählen würde das Ergebnis erhöhen, weglassen Umsatz verlieren). IDs werden als Text ohne Randleerzeichen verglichen, mit Beachtung der Groß-/Kleinschreibung; 42 und "42" sind dieselbe ID. Negative Beträge (Gutschriften) zählen mit. Beide Bereiche müssen gleich groß sein; hat keine Zeile Betrag und ID, lautet das Ergebnis „keine Daten“ (#NV).',
    },
    example: '=REVENUE_PER_CUSTOMER({100;50;30;20}, {"A";"B";"A";"C"}) → 66.67',
    source: 'Average revenue per customer = revenue / customers; revenue and profit per customer belong to the strategic customer measures of the balanced scorecard (Kaplan & Norton)',
    impl: revenuePerCustomer,
  },
  {
    name: 'COMPETITOR_GAP',
    family: 'customers',
    args: [
      { name: 'our_value', kind: 'number', description: { en: 'Our value of the KPI (e.g. our NPS)', de: 'Unser Wert der Kennzahl (z. B. unser NPS)' } },
      { name: 'competitor_values', kind: 'range', description: { en: "The competitors' values of the same KPI", de: 'Die Werte der Wettbewerber für dieselbe Kennzahl' } },
      { name: 'mode', kind: 'text', optional: true, default: '"average"', description: { en: '"average" (gap to the mean), "best" (gap to the best) or "rank"; German: Durchschnitt, bester, Rang', de: '"Durchschnitt" (Abstand zum Mittel), "bester" (Abstand zum Besten) oder "Rang"; englisch: average, best, rank' } },
      { name: 'direction', kind: 'text', optional: true, default: '"higher"', description: { en: '"higher" when higher is better, "lower" when lower is better (e.g. resolution time); German: höher, niedriger', de: '"höher", wenn mehr besser ist, "niedriger", wenn weniger besser ist (z. B. Lösungszeit); englisch: higher, lower' } },
    ],
    result: 'scalar',
    unit: 'number',
    summary: { en: 'How far ahead of (or behind) the competitors we are', de: 'Wie weit wir vor (oder hinter) den Wettbewerbern liegen' },
    help: {
      en: 'mode "average": ours − the mean of the competitors; "best": ours − the best competitor; "rank": 1 + the number of competitors better than ours (ties share the rank). With direction "lower" (lower is better, e.g. resolution time) the gaps are competitors − ours and "better" means lower, so a positive gap always means we are ahead. Gaps are in the unit of the KPI. Blanks and text in competitor_values are skipped; with no competitor value, or a blank our_value, the result is "no data" (#N/A). Words are case-insensitive, English or German. Some Excel builds pass a blank single cell as 0, so in Excel a blank our_value cell may count as 0.',
      de: 'Modus "Durchschnitt": unser Wert − Mittel der Wettbewerber; "bester": unser Wert − bester Wettbewerber; "Rang": 1 + Anzahl der Wettbewerber, die besser sind als wir (Gleichstand teilt sich den Rang). Mit Richtung "niedriger" (weniger ist besser, z. B. Lösungszeit) sind die Abstände Wettbewerber − unser Wert und „besser“ heißt niedriger; ein positiver Abstand bedeutet also immer, dass wir vorn liegen. Abstände haben die Einheit der Kennzahl. Leere Zellen und Text in competitor_values werden übersprungen; ohne Wettbewerberwert oder bei leerem our_value lautet das Ergebnis „keine Daten“ (#NV). Groß-/Kleinschreibung der Wörter ist egal, englisch oder deutsch. Manche Excel-Versionen übergeben eine leere einzelne Zelle als 0; in Excel kann eine leere Zelle für our_value also als 0 zählen.',
    },
    example: '=COMPETITOR_GAP(45, {30;38;52}) → 5',
    source: 'Competitive benchmarking gap: own performance against the competitor average or best in class (Camp, Benchmarking, 1989)',
    impl: competitorGap,
  },
];
