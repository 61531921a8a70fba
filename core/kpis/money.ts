/** Money: cash flow (source article: "Cashflow" as a customer-service KPI). */
import type { FunctionSpec } from '../catalog/types.js';
import { isOmitted, readNumbers, sumOf } from '../values/read.js';

function cashFlow(ctx: Parameters<FunctionSpec['impl']>[0], args: readonly unknown[]): number {
  const inflows = sumOf(readNumbers(ctx, args[0], 'inflows'));
  if (isOmitted(args[1])) return inflows;
  const out = readNumbers(ctx, args[1], 'outflows').values;
  let outflows = 0;
  for (let i = 0; i < out.length; i++) if (out[i] === out[i]) outflows += Math.abs(out[i]);
  return inflows - outflows;
}

export const moneyFunctions: readonly FunctionSpec[] = [
  {
    name: 'CASH_FLOW',
    family: 'money',
    args: [
      { name: 'inflows', kind: 'any', description: { en: 'Incoming amounts (a range or a number); with no outflows, signed amounts', de: 'Eingänge (Bereich oder Zahl); ohne Ausgänge: Beträge mit Vorzeichen' } },
      { name: 'outflows', kind: 'any', optional: true, description: { en: 'Outgoing amounts, stored as positive or negative numbers', de: 'Ausgänge, als positive oder negative Zahlen' } },
    ],
    result: 'scalar',
    unit: 'money',
    summary: { en: 'Net cash flow: inflows minus outflows', de: 'Netto-Cashflow: Eingänge minus Ausgänge' },
    help: {
      en: 'sum(inflows) − sum(abs(outflows)); outflows may be stored as positive or negative numbers. With one argument, the sum of signed amounts. Blanks and text are skipped.',
      de: 'Summe(Eingänge) − Summe(|Ausgänge|); Ausgänge dürfen positiv oder negativ erfasst sein. Mit einem Argument: Summe der Beträge mit Vorzeichen. Leere Zellen und Text werden übersprungen.',
    },
    example: '=CASH_FLOW({1000;500}, {-300;-200}) → 1000',
    source: 'Direct method cash flow (inflows − outflows)',
    impl: cashFlow,
  },
];
