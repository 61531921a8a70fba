import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, col, errorOf } from '../helpers/call.js';

const OMITTED = [undefined, null, '', [[null]], [['']]];

describe('RETENTION_RATE', () => {
  it('gives (end − new) / start for single numbers, as in the catalog', () => {
    // (210 − 30) / 200 = 0.9
    expect(call('RETENTION_RATE', 200, 210, 30)).toBeCloseTo(0.9, 12);
  });

  it('reads Excel [[x]] cells and Sheets numeric text alike', () => {
    expect(call('RETENTION_RATE', [[200]], [[210]], [[30]])).toBeCloseTo(0.9, 12);
    expect(call('RETENTION_RATE', '200', ' 210 ', '30')).toBeCloseTo(0.9, 12);
  });

  it('takes the first start, the last end and the sum of new customers from monthly ranges', () => {
    // Start of Jan/Feb/Mar 200, 205, 210; end 205, 210, 220; new 10 + 12 + 15 = 37.
    // Quarter: (220 − 37) / 200 = 0.915 — not the average of the monthly rates.
    const start = col('Customers at start', 200, 205, 210, null);
    const end = col('Customers at end', 205, 210, 220, null);
    const won = col('New customers', 10, 12, 15, null);
    expect(call('RETENTION_RATE', start, end, won)).toBeCloseTo(0.915, 12);
    // Excel passes blank cells as null, Sheets as "": same result.
    expect(call('RETENTION_RATE', col('Start', 200, 205, 210, ''), col('End', 205, 210, 220, ''), col('New', 10, 12, 15, ''))).toBeCloseTo(0.915, 12);
  });

  it('refuses to divide by a start of 0, saying so', () => {
    const e = errorOf(() => call('RETENTION_RATE', 0, 10, 2));
    expect(e.kind).toBe('value');
    expect(e.message).toBe('RETENTION_RATE: customers_start is 0; cannot divide by zero');
  });

  it('is no data (not 0) when a stock or flow holds no number', () => {
    expect(errorOf(() => call('RETENTION_RATE', col('Start', null, ''), 210, 30)).kind).toBe('na');
    expect(errorOf(() => call('RETENTION_RATE', 200, 210, col(null, ''))).kind).toBe('na');
    expect(errorOf(() => call('RETENTION_RATE', 200, 210, null)).message).toBe('RETENTION_RATE: no data (new_customers holds no number)');
  });

  it('rejects a negative count, naming it and its row', () => {
    expect(errorOf(() => call('RETENTION_RATE', 200, 210, col(5, -3))).message).toBe('RETENTION_RATE: -3 at row 2 of new_customers is negative; a count cannot be negative');
  });

  it('rejects more new customers than customers at the end instead of returning a negative rate', () => {
    expect(errorOf(() => call('RETENTION_RATE', 200, 20, 30)).message).toMatch(/^RETENTION_RATE: new_customers \(30\) is more than customers_end \(20\)/);
  });

  it('reports an error cell with its position', () => {
    expect(errorOf(() => call('RETENTION_RATE', col(200, '#N/A'), 210, 30)).message).toBe('RETENTION_RATE: "#N/A" at row 2 of customers_start is an error value');
  });
});

describe('CHURN_RATE', () => {
  it('gives lost / start', () => {
    // 10 / 200 = 0.05
    expect(call('CHURN_RATE', 200, 10)).toBeCloseTo(0.05, 12);
    expect(call('CHURN_RATE', [[200]], [[10]])).toBeCloseTo(0.05, 12);
  });

  it('takes the first start and sums the losses of monthly ranges', () => {
    // (5 + 7 + 5) / 200 = 0.085, the quarter's churn
    expect(call('CHURN_RATE', col('Start', 200, 205, 210), col('Lost', 5, 7, 5))).toBeCloseTo(0.085, 12);
  });

  it('refuses a start of 0 and treats a blank loss as no data', () => {
    expect(errorOf(() => call('CHURN_RATE', 0, 3)).message).toBe('CHURN_RATE: customers_start is 0; cannot divide by zero');
    expect(errorOf(() => call('CHURN_RATE', 200, '')).kind).toBe('na');
  });
});

describe('REPEAT_CUSTOMER_RATE', () => {
  it('gives the share of distinct customers seen more than once', () => {
    // A and B repeat; C and D do not: 2 / 4
    expect(call('REPEAT_CUSTOMER_RATE', col('A', 'B', 'A', 'C', 'B', 'D'))).toBe(0.5);
  });

  it('compares trimmed text, case-sensitive, with 42 and "42" the same id, and skips blanks and a header word', () => {
    // ids A, A (" A " trimmed), a, 42, 42 → A twice, a once, 42 twice: 2 of 3 repeat
    expect(call('REPEAT_CUSTOMER_RATE', col('Customer ID', 'A', null, ' A ', 'a', 42, '42', ''))).toBeCloseTo(2 / 3, 12);
    expect(call('REPEAT_CUSTOMER_RATE', col('Kundennummer', 7, 7, 8))).toBe(0.5);
    expect(call('REPEAT_CUSTOMER_RATE', col('kunden-id', 7, 7, 8))).toBe(0.5);
  });

  it('counts a first id that is no header word as an id', () => {
    // C-1 twice, C-2 once: 1 / 2 (a first "C-1" is data, not a header)
    expect(call('REPEAT_CUSTOMER_RATE', col('C-1', 'C-2', 'C-1'))).toBe(0.5);
  });

  it('is no data when only a header is there, and names an error cell', () => {
    expect(errorOf(() => call('REPEAT_CUSTOMER_RATE', col('Customer', null))).kind).toBe('na');
    expect(errorOf(() => call('REPEAT_CUSTOMER_RATE', col('A', 'A', '#REF!'))).message).toBe('REPEAT_CUSTOMER_RATE: "#REF!" at row 3 of customer_ids is an error value');
  });
});

describe('CONVERSION_RATE, FIRST_CONTACT_RESOLUTION and REOPEN_RATE', () => {
  it('give the share of truthy flags among the non-blank ones, in English and German', () => {
    // truthy: TRUE, ja, x, Yes = 4; falsy: nein, 0, no = 3; header and blank skipped → 4 / 7
    expect(call('CONVERSION_RATE', col('Converted', true, 'ja', 'nein', 0, 'x', null, 'no', 'Yes'))).toBeCloseTo(4 / 7, 12);
    // 1, 1, 0, 1 → 3 / 4
    expect(call('FIRST_CONTACT_RESOLUTION', col(1, 1, 0, 1))).toBe(0.75);
    // WAHR, j truthy; falsch, n falsy → 2 / 4
    expect(call('FIRST_CONTACT_RESOLUTION', col('FCR', 'WAHR', 'falsch', 'j', 'n', ''))).toBe(0.5);
  });

  it('skip blank rows in REOPEN_RATE instead of counting them as not reopened', () => {
    // one of four flagged resolved tickets was reopened: 1 / 4 (not 1 / 5)
    expect(call('REOPEN_RATE', col('Reopened', 'no', 'no', 'yes', null, 'no'))).toBe(0.25);
  });

  it('reject unknown text below the first cell, naming it', () => {
    expect(errorOf(() => call('CONVERSION_RATE', col('Converted', true, 'maybe'))).message).toBe('CONVERSION_RATE: "maybe" at row 3 of outcomes is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)');
  });

  it('are no data when there is no flag at all', () => {
    expect(errorOf(() => call('REOPEN_RATE', col('Reopened', null, ''))).kind).toBe('na');
    expect(errorOf(() => call('CONVERSION_RATE', [[null]])).kind).toBe('na');
  });
});

describe('COMPLAINT_RATE', () => {
  it('divides the summed complaints by the average number of customers', () => {
    // (3 + 7) / ((90 + 110) / 2) = 10 / 100 = 0.1
    expect(call('COMPLAINT_RATE', col('Complaints', 3, 7), col('Customers', 90, 110))).toBeCloseTo(0.1, 12);
    // per 1000 customers: 100
    expect(call('COMPLAINT_RATE', col(3, 7), col(90, 110), 1000)).toBeCloseTo(100, 9);
    expect(call('COMPLAINT_RATE', [[30]], [[1000]], [[1000]])).toBeCloseTo(30, 9);
  });

  it('gives the year\'s rate from twelve monthly rows (stocks averaged, flows summed)', () => {
    // 100 customers every month, 5 complaints a month: 60 / 100 = 0.6, not 5 / 100
    const months = Array.from({ length: 12 }, () => 0);
    const complaints = [['Complaints'], ...months.map(() => [5])];
    const customers = [['Customers'], ...months.map(() => [100])];
    expect(call('COMPLAINT_RATE', complaints, customers)).toBeCloseTo(0.6, 12);
  });

  it('takes per = 1 when omitted in any host form', () => {
    for (const per of OMITTED) expect(call('COMPLAINT_RATE', 10, 100, per)).toBeCloseTo(0.1, 12);
  });

  it('refuses zero customers and a per that is not positive', () => {
    expect(errorOf(() => call('COMPLAINT_RATE', 3, 0)).message).toBe('COMPLAINT_RATE: customers is 0; cannot divide by zero');
    expect(errorOf(() => call('COMPLAINT_RATE', 3, col(0, 0))).message).toBe('COMPLAINT_RATE: customers averages 0; cannot divide by zero');
    expect(errorOf(() => call('COMPLAINT_RATE', 3, 100, 0)).message).toBe('COMPLAINT_RATE: per must be greater than 0, not 0');
  });
});

describe('RETURN_RATE', () => {
  it('divides the summed returns by the summed sales', () => {
    // 30 / 600 = 0.05; (10 + 20) / (300 + 300) = 0.05
    expect(call('RETURN_RATE', 30, 600)).toBeCloseTo(0.05, 12);
    expect(call('RETURN_RATE', col('Returned', 10, 20, null), col('Sold', 300, 300, null))).toBeCloseTo(0.05, 12);
  });

  it('refuses sales of 0 and treats blank returns as no data', () => {
    expect(errorOf(() => call('RETURN_RATE', 3, 0)).message).toBe('RETURN_RATE: sold is 0; cannot divide by zero');
    expect(errorOf(() => call('RETURN_RATE', 3, col(0, 0))).message).toBe('RETURN_RATE: sold adds up to 0; cannot divide by zero');
    expect(errorOf(() => call('RETURN_RATE', '', 100)).kind).toBe('na');
  });
});

describe('REVENUE_PER_CUSTOMER', () => {
  it('divides the summed amounts by the distinct customers with an amount', () => {
    // header skipped; 100 + 50 + 30 + 20 = 200 over A, B, C = 66.67; D has no amount and is not counted
    const amounts = col('Amount', 100, 50, 30, 20, null);
    const ids = col('Customer', 'A', 'B', 'A', 'C', 'D');
    expect(call('REVENUE_PER_CUSTOMER', amounts, ids)).toBeCloseTo(200 / 3, 9);
  });

  it('treats 42 and "42" as one customer and keeps refunds', () => {
    // 100 − 20 = 80 over one customer
    expect(call('REVENUE_PER_CUSTOMER', col(100, -20), col(42, '42'))).toBe(80);
  });

  it('rejects an amount without a customer id beside it, and ranges of different sizes', () => {
    expect(errorOf(() => call('REVENUE_PER_CUSTOMER', col(100, 50), col('A', ''))).message).toBe('REVENUE_PER_CUSTOMER: 50 at row 2 of amounts has no customer id beside it; fill in the id or remove the amount');
    expect(errorOf(() => call('REVENUE_PER_CUSTOMER', col(100, 50), col('A'))).message).toBe('REVENUE_PER_CUSTOMER: amounts has 2 cells but customer_ids has 1; the ranges must be the same size');
  });

  it('is no data when no row has both an amount and an id', () => {
    expect(errorOf(() => call('REVENUE_PER_CUSTOMER', col('Amount', null), col('Customer', 'A'))).kind).toBe('na');
  });
});

describe('COMPETITOR_GAP', () => {
  const competitors = col('Competitor NPS', 30, 38, null, 52);

  it('compares with the average, the best and by rank when higher is better', () => {
    // mean(30, 38, 52) = 40 → 45 − 40 = 5; best 52 → 45 − 52 = −7; only 52 is better → rank 2
    expect(call('COMPETITOR_GAP', 45, competitors)).toBeCloseTo(5, 12);
    expect(call('COMPETITOR_GAP', 45, competitors, 'best')).toBe(-7);
    expect(call('COMPETITOR_GAP', 45, competitors, 'rank')).toBe(2);
  });

  it('accepts the German words Durchschnitt, bester and Rang', () => {
    expect(call('COMPETITOR_GAP', [[45]], competitors, [['Durchschnitt']])).toBeCloseTo(5, 12);
    expect(call('COMPETITOR_GAP', 45, competitors, 'BESTER')).toBe(-7);
    expect(call('COMPETITOR_GAP', 45, competitors, 'Rang')).toBe(2);
  });

  it('turns the gaps round when lower is better, so positive still means ahead', () => {
    // resolution hours: ours 20, competitors 24, 30, 18. mean 24 → 24 − 20 = 4; best (lowest) 18 → 18 − 20 = −2;
    // only 18 is better → rank 2
    const hours = col(24, 30, 18);
    expect(call('COMPETITOR_GAP', 20, hours, 'average', 'lower')).toBeCloseTo(4, 12);
    expect(call('COMPETITOR_GAP', 20, hours, 'best', 'niedriger')).toBe(-2);
    expect(call('COMPETITOR_GAP', 20, hours, 'Rang', 'niedriger')).toBe(2);
  });

  it('gives tied competitors the same rank as ours', () => {
    // 40 ties with ours, only 50 is better → rank 2
    expect(call('COMPETITOR_GAP', 40, col(40, 50, 30), 'rank')).toBe(2);
  });

  it('takes average and higher when mode and direction are omitted in any host form', () => {
    for (const o of OMITTED) expect(call('COMPETITOR_GAP', 45, competitors, o, o)).toBeCloseTo(5, 12);
  });

  it('is no data without competitor values or without our value, and names a wrong word', () => {
    expect(errorOf(() => call('COMPETITOR_GAP', 45, col('Competitor', null))).kind).toBe('na');
    expect(errorOf(() => call('COMPETITOR_GAP', '', competitors)).kind).toBe('na');
    expect(errorOf(() => call('COMPETITOR_GAP', 45, competitors, 'median')).message).toMatch(/^COMPETITOR_GAP: mode "median" is not one of "average", "durchschnitt"/);
  });

  it('gives with "lower" exactly the negated average gap of "higher"', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(value, fc.array(value, { minLength: 1, maxLength: 20 }), (ours, theirs) => {
        const c = theirs.map((v) => [v]);
        const higher = call('COMPETITOR_GAP', ours, c, 'average', 'higher') as number;
        const lower = call('COMPETITOR_GAP', ours, c, 'average', 'lower') as number;
        expect(lower + higher).toBe(0);
      }),
    );
  });
});

describe('COMPLAINT_RATE on a ticket list with a complaint flag column', () => {
  it('counts the TRUE / ja flags as complaints', () => {
    // TRUE, ja, TRUE: 3 flagged tickets
    const flags = col('Complaint', true, false, 'ja', 'nein', true, null);
    // 3 complaints / 100 customers × 1000 = 30 per thousand
    expect(call('COMPLAINT_RATE', flags, 100, 1000)).toBeCloseTo(30, 9);
  });

  it('still reports a column with neither numbers nor flags as no data', () => {
    expect(errorOf(() => call('COMPLAINT_RATE', col('Complaint', null), 100)).kind).toBe('na');
  });
});
