/**
 * Scorecard helper: the traffic-light status of a KPI against its target (green / amber / red), as a
 * balanced scorecard shows it. The scorecard's status column calls this.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { valueError } from '../errors.js';
import type { CallContext } from '../values/context.js';
import { isOmitted, readNumberArg, readWordArg } from '../values/read.js';
import { DIRECTION_WORDS } from '../values/words.js';

export type Status = 'green' | 'amber' | 'red' | '';

/**
 * Rounding allowance: 1e-9 relative to the boundaries (target and target ∓ allowed shortfall), so a
 * value that lands on a boundary through floating-point arithmetic (0.9 − 0.855 ≠ 0.045 exactly)
 * gets the kinder status. It depends on target and tolerance only, never on the actual value, so
 * moving the actual towards the target can never make the status worse.
 */
const ROUNDING = 1e-9;

function kpiStatus(ctx: CallContext, args: readonly unknown[]): Status {
  const direction = readWordArg(ctx, args[2], 'direction', DIRECTION_WORDS, 'higher');
  const tolerance = readNumberArg(ctx, args[3], 'tolerance', 0.05);
  if (tolerance < 0) throw valueError(ctx.fn, `tolerance must not be negative, not ${tolerance}`);
  // A blank actual or target means "no figure yet" or "no target set yet": no colour.
  if (isOmitted(args[0]) || isOmitted(args[1])) return '';
  const actual = readNumberArg(ctx, args[0], 'actual');
  const target = readNumberArg(ctx, args[1], 'target');
  const allowed = target === 0 ? tolerance : tolerance * Math.abs(target);
  const shortfall = direction === 'lower' ? actual - target : target - actual;
  const eps = ROUNDING * (Math.abs(target) + allowed);
  if (shortfall <= eps) return 'green';
  if (shortfall <= allowed + eps) return 'amber';
  return 'red';
}

export const statusFunctions: readonly FunctionSpec[] = [
  {
    name: 'KPI_STATUS',
    family: 'scorecard',
    args: [
      { name: 'actual', kind: 'number', description: { en: 'The KPI value reached', de: 'Der erreichte Wert der Kennzahl' } },
      { name: 'target', kind: 'number', description: { en: 'The target for the KPI', de: 'Der Zielwert der Kennzahl' } },
      { name: 'direction', kind: 'text', optional: true, default: '"higher"', description: { en: '"higher" when higher is better, "lower" when lower is better (e.g. resolution time); German: höher, niedriger', de: '"höher", wenn mehr besser ist, "niedriger", wenn weniger besser ist (z. B. Lösungszeit); englisch: higher, lower' } },
      { name: 'tolerance', kind: 'number', optional: true, default: '0.05', description: { en: 'How far short of the target still counts as amber, as a fraction of the target (0.05 = 5 %); in the unit of the KPI when the target is 0', de: 'Wie weit unter dem Ziel noch als Gelb gilt, als Anteil des Ziels (0,05 = 5 %); bei einem Ziel von 0 in der Einheit der Kennzahl' } },
    ],
    result: 'scalar',
    unit: 'text',
    summary: { en: 'Traffic-light status of a KPI against its target: green, amber or red', de: 'Ampelstatus einer Kennzahl gegenüber ihrem Ziel: green, amber oder red' },
    help: {
      en: '"green" when the target is met (actual ≥ target, or ≤ with direction "lower"); "amber" when the actual falls short by at most tolerance × abs(target) — or by at most the tolerance itself, in the KPI\'s unit, when the target is 0; otherwise "red". Returns "" when actual or target is blank (no figure or no target yet). Comparisons allow for floating-point rounding (1e-9 relative), so a value exactly on a boundary gets the kinder status. direction defaults to "higher", tolerance to 0.05; a negative tolerance is an error. The result words are always English (green, amber, red) so that formulas and conditional formats can test them. Some Excel builds pass a blank single cell as 0, so in Excel an empty target cell may arrive as a target of 0 and get a colour: type the target, or wrap the reference as IF(D2="","",D2).',
      de: '"green" (grün), wenn das Ziel erreicht ist (Istwert ≥ Ziel, bei Richtung "niedriger" ≤ Ziel); "amber" (gelb), wenn der Istwert höchstens um Toleranz × |Ziel| verfehlt wird – bei einem Ziel von 0 höchstens um die Toleranz selbst, in der Einheit der Kennzahl; sonst "red" (rot). Ergibt "", wenn Istwert oder Ziel leer ist (noch kein Wert oder noch kein Ziel). Die Vergleiche lassen Rundungsfehler zu (1e-9 relativ), ein Wert genau auf einer Grenze erhält also den freundlicheren Status. Richtung ist standardmäßig "höher", Toleranz 0,05; eine negative Toleranz ist ein Fehler. Die Ergebniswörter sind immer englisch (green, amber, red), damit Formeln und bedingte Formatierungen sie prüfen können. Manche Excel-Versionen übergeben eine leere einzelne Zelle als 0; in Excel kann eine leere Zielzelle also als Ziel 0 ankommen und eine Farbe erhalten: das Ziel eintragen oder den Bezug als WENN(D2="";"";D2) schreiben.',
    },
    example: '=KPI_STATUS(0.86, 0.9) → "amber"',
    source: 'Traffic-light (RAG) status against target, as used in balanced-scorecard reporting (Kaplan & Norton)',
    impl: kpiStatus,
  },
];
