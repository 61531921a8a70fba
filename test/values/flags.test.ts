/**
 * Flags (v3): answered/abandoned and angenommen/abgebrochen, reopen counts, and flows given as
 * yes/no flags (CHURN_RATE over a Churn column, EMPLOYEE_TURNOVER over an Attrition column,
 * COMPLAINT_RATE over complaint flags). Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../core/call.js';
import { wallClock } from '../../core/values/clock.js';
import { readFlags, readFlow, readReopens, truthyCount } from '../../core/values/flags.js';
import { call, col, errorOf } from '../helpers/call.js';

const utc = contextFor('TEST', wallClock('UTC'));

describe('flags', () => {
  it('read answered/abandoned and angenommen/abgebrochen (answered is truthy)', () => {
    const f = readFlags(utc, col('Outcome', 'answered', 'Abandoned', 'ANGENOMMEN', ' abgebrochen ', null, 'yes'));
    expect(Array.from(f.flags)).toEqual([-1, 1, 0, 1, 0, -1, 1]);
    expect(f.count).toBe(5);
    expect(truthyCount(f)).toBe(3);
  });

  it('take a lone call-outcome word at the top of a yes/no column as its name ("Answered")', () => {
    const f = readFlags(utc, col('Answered', 'Yes', 'No', true));
    expect(Array.from(f.flags)).toEqual([-1, 1, 0, 1]);
    // Among other outcome words it is a value.
    expect(Array.from(readFlags(utc, col('answered', 'abandoned')).flags)).toEqual([1, 0]);
  });

  it('still refuse unknown text below the header, naming the new words in the message', () => {
    expect(() => readFlags(utc, col('Outcome', 'answered', 'hung up'), 'answered')).toThrow(
      'TEST: "hung up" at row 3 of answered is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)',
    );
  });

  it('read reopen counts: whole numbers from 0, > 0 reopened', () => {
    const f = readReopens(utc, col('Reopens', 0, 2, '1', 0, 'yes', 'nein', 5));
    expect(Array.from(f.flags)).toEqual([-1, 0, 1, 1, 0, 1, 0, 1]);
    expect(() => readReopens(utc, col(1, 1.5))).toThrow('TEST: 1.5 at row 2 is neither a yes/no flag nor a reopen count (a whole number from 0)');
    expect(() => readReopens(utc, col(1, -1))).toThrow(/-1 at row 2 is neither a yes\/no flag nor a reopen count/);
    // Plain flags refuse counts other than 1/0.
    expect(() => readFlags(utc, col(1, 2))).toThrow('TEST: 2 at row 2 is not a yes/no flag');
  });
});

describe('flows as flags', () => {
  it('sum numbers as before', () => {
    expect(readFlow(utc, col('Lost', 4, 6, null), 'customers_lost', 'no')).toEqual({ total: 10, count: 2 });
  });

  it('count the truthy flags of a yes/no column, with its header', () => {
    expect(readFlow(utc, col('Churn', 'Yes', 'No', 'No', 'yes', null, 'ja', true, false), 'customers_lost', 'no')).toEqual({ total: 4, count: 7 });
    // 1 and 0 among flags are flags.
    expect(readFlow(utc, col('Attrition', 'Yes', 1, 0, 'No'), 'separations', 'no')).toEqual({ total: 2, count: 4 });
  });

  it('refuse counts mixed with flags, and unknown text below the header of a flag column', () => {
    expect(errorOf(() => readFlow(utc, col('Lost', 'Yes', 3), 'customers_lost', 'no')).message).toBe(
      'TEST: customers_lost mixes counts and yes/no flags: 3 at row 3 is a count, "Yes" at row 2 a flag; use one or the other',
    );
    expect(() => readFlow(utc, col('Churn', 'Yes', 'maybe'), 'customers_lost', 'no')).toThrow('TEST: "maybe" at row 3 of customers_lost is not a yes/no flag');
  });

  it('CHURN_RATE over a per-customer Churn Yes/No column (IBM Telco layout: 3 of 8 churned)', () => {
    const churn = col('Churn', 'No', 'Yes', 'No', 'No', 'Yes', 'Yes', 'No', 'No');
    expect(call('CHURN_RATE', 8, churn)).toBe(3 / 8);
  });

  it('EMPLOYEE_TURNOVER over a per-employee Attrition column (2 of 10 left, headcount 10 → 0.2)', () => {
    const attrition = col('Attrition', 'Yes', 'No', 'No', 'No', 'Yes', 'No', 'No', 'No', 'No', 'No');
    expect(call('EMPLOYEE_TURNOVER', attrition, 10, 10)).toBe(0.2);
  });

  it('COMPLAINT_RATE over complaint flags (x marks a complaint: 2 per 4 customers → 0.5)', () => {
    expect(call('COMPLAINT_RATE', col('Complaint', 'x', null, 'x', null), 4)).toBe(0.5);
    expect(call('COMPLAINT_RATE', col('Beschwerde', 'ja', 'nein', 'nein', 'nein'), 4)).toBe(0.25);
  });

  it('REOPEN_RATE over reopen counts (2 of 5 tickets reopened at least once)', () => {
    expect(call('REOPEN_RATE', col('Reopens', 0, 3, 0, 1, 0))).toBe(0.4);
    expect(errorOf(() => call('REOPEN_RATE', col('Reopens', 0, 2.5))).message).toBe('REOPEN_RATE: 2.5 at row 3 of flags is neither a yes/no flag nor a reopen count (a whole number from 0)');
  });
});
