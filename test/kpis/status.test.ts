import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, errorOf } from '../helpers/call.js';

const OMITTED = [undefined, null, '', [[null]], [['']]];
const RANK = { green: 0, amber: 1, red: 2 } as const;

describe('KPI_STATUS', () => {
  it('is green when the target is met or beaten, exactly on target included', () => {
    expect(call('KPI_STATUS', 0.9, 0.9)).toBe('green');
    expect(call('KPI_STATUS', 0.95, 0.9)).toBe('green');
    // 0.3 − 0.2 = 0.09999999999999998 in floating point: still on the target 0.1
    expect(call('KPI_STATUS', 0.3 - 0.2, 0.1)).toBe('green');
  });

  it('is amber when short by at most 5 % of the target, the edge itself included', () => {
    // allowed shortfall 0.05 × 0.9 = 0.045: 0.86 is short by 0.04, 0.855 exactly by 0.045 (amber), 0.8549 by 0.0451 (red)
    expect(call('KPI_STATUS', 0.86, 0.9)).toBe('amber');
    expect(call('KPI_STATUS', 0.855, 0.9)).toBe('amber');
    expect(call('KPI_STATUS', 0.8549, 0.9)).toBe('red');
  });

  it('uses the tolerance given, and 0 leaves no amber band', () => {
    // 10 % of 0.9 = 0.09: 0.82 is short by 0.08 → amber
    expect(call('KPI_STATUS', 0.82, 0.9, 'higher', 0.1)).toBe('amber');
    expect(call('KPI_STATUS', 0.89, 0.9, 'higher', 0)).toBe('red');
    expect(call('KPI_STATUS', 0.9, 0.9, 'higher', 0)).toBe('green');
  });

  it('turns round with direction "lower" (English or German) for KPIs where less is better', () => {
    // target 4 hours, allowed excess 0.05 × 4 = 0.2: 3.5 green, 4.2 exactly on the amber edge, 4.21 red
    expect(call('KPI_STATUS', 3.5, 4, 'lower')).toBe('green');
    expect(call('KPI_STATUS', 4, 4, 'lower')).toBe('green');
    expect(call('KPI_STATUS', 4.2, 4, 'lower')).toBe('amber');
    expect(call('KPI_STATUS', 4.21, 4, 'niedriger')).toBe('red');
    expect(call('KPI_STATUS', 3.7, 4, 'Höher')).toBe('red'); // higher is better: short by 0.3 > 0.2;
  });

  it('takes the tolerance itself, in the KPI\'s unit, when the target is 0', () => {
    // cash flow target 0, tolerance 0.05: −0.05 is exactly on the amber edge, −0.06 red
    expect(call('KPI_STATUS', 0, 0)).toBe('green');
    expect(call('KPI_STATUS', -0.05, 0)).toBe('amber');
    expect(call('KPI_STATUS', -0.06, 0)).toBe('red');
    // complaints target 0 per customer, lower is better, tolerance 2: 2 is amber, 3 red
    expect(call('KPI_STATUS', 2, 0, 'lower', 2)).toBe('amber');
    expect(call('KPI_STATUS', 3, 0, 'lower', 2)).toBe('red');
  });

  it('is "" when the actual or the target is blank, in any host form', () => {
    for (const blank of OMITTED) {
      expect(call('KPI_STATUS', blank, 0.9)).toBe('');
      expect(call('KPI_STATUS', 0.9, blank)).toBe('');
    }
  });

  it('reads Excel [[x]] cells and takes the defaults for omitted optionals', () => {
    expect(call('KPI_STATUS', [[0.86]], [[0.9]], [[null]], [[null]])).toBe('amber');
    for (const o of OMITTED) expect(call('KPI_STATUS', 0.86, 0.9, o, o)).toBe('amber');
    expect(call('KPI_STATUS', '0,86', '0.9')).toBe('amber');
  });

  it('rejects a negative tolerance, a text actual and a wrong direction word', () => {
    expect(errorOf(() => call('KPI_STATUS', 0.9, 0.9, 'higher', -0.1)).message).toBe('KPI_STATUS: tolerance must not be negative, not -0.1');
    expect(errorOf(() => call('KPI_STATUS', 'n/a', 0.9)).message).toBe('KPI_STATUS: actual "n/a" is not a number');
    expect(errorOf(() => call('KPI_STATUS', 0.9, 0.9, 'up')).message).toMatch(/^KPI_STATUS: direction "up" is not one of "higher"/);
  });

  it('never gets worse when the actual moves towards the target', () => {
    const whole = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(whole, whole, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('higher', 'lower'), fc.double({ min: 0, max: 1, noNaN: true }), (actual, target, tolerance, direction, t) => {
        // a whole number between actual and target (both included)
        const closer = Math.round(actual + t * (target - actual));
        const before = call('KPI_STATUS', actual / 100, target / 100, direction, tolerance) as keyof typeof RANK;
        const after = call('KPI_STATUS', closer / 100, target / 100, direction, tolerance) as keyof typeof RANK;
        expect(RANK[after]).toBeLessThanOrEqual(RANK[before]);
      }),
    );
  });
});
