/**
 * A TrendPicture as an inline SVG sparkline (what Sheets' SPARKLINE or Excel's chart would show).
 * Built with createElementNS; labels go into <title> as text.
 */
import type { TrendPicture } from '../../core/scorecard/types.js';

const SVG = 'http://www.w3.org/2000/svg';

export interface SparkPoint {
  readonly x: number;
  readonly y: number;
}

/** Points of the line in a width × height box (blanks are gaps: they split the line into runs). */
export function sparkRuns(values: readonly (number | '')[], width: number, height: number, pad = 2): SparkPoint[][] {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length === 0) return [];
  let min = nums[0];
  let max = nums[0];
  for (const v of nums) { if (v < min) min = v; if (v > max) max = v; }
  const span = max - min;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const runs: SparkPoint[][] = [];
  let run: SparkPoint[] = [];
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    const x = values.length > 1 ? pad + i * step : width / 2;
    const y = span === 0 ? height / 2 : pad + (1 - (v - min) / span) * (height - 2 * pad);
    run.push({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
  });
  if (run.length) runs.push(run);
  return runs;
}

export function sparkline(doc: Document, trend: TrendPicture, width = 96, height = 22, colour = '#1a73e8'): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'pv-spark');
  svg.setAttribute('role', 'img');
  const title = doc.createElementNS(SVG, 'title');
  title.textContent = trend.values.map((v, i) => `${trend.labels[i] ?? ''}: ${v === '' ? '–' : String(Number(v.toPrecision(6)))}`).join(', ');
  svg.appendChild(title);
  const runs = sparkRuns(trend.values, width, height);
  for (const run of runs) {
    if (run.length === 1) {
      const dot = doc.createElementNS(SVG, 'circle');
      dot.setAttribute('cx', String(run[0].x));
      dot.setAttribute('cy', String(run[0].y));
      dot.setAttribute('r', '1.5');
      dot.setAttribute('fill', colour);
      svg.appendChild(dot);
      continue;
    }
    const line = doc.createElementNS(SVG, 'polyline');
    line.setAttribute('points', run.map((p) => `${p.x},${p.y}`).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', colour);
    line.setAttribute('stroke-width', '1.5');
    line.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(line);
  }
  const last = runs.at(-1)?.at(-1);
  if (last) {
    const end = doc.createElementNS(SVG, 'circle');
    end.setAttribute('cx', String(last.x));
    end.setAttribute('cy', String(last.y));
    end.setAttribute('r', '2');
    end.setAttribute('fill', colour);
    svg.appendChild(end);
  }
  return svg;
}
