/**
 * A one-line progress bar on stderr for large inputs, drawn only when stderr is a terminal (a
 * scheduled job's log gets no control characters). Updates are throttled; `done()` clears the line
 * so the table or the error that follows starts clean.
 */

export interface Progress {
  /** `fraction` 0..1 of the whole run; `label` says what is happening. */
  step(label: string, fraction: number): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { step() {}, done() {} };

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

const BAR = 24;
const MIN_INTERVAL_MS = 80;

export function createProgress(stream: ProgressStream, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || !stream.isTTY) return NO_PROGRESS;
  let last = -Infinity;
  let shown = false;
  return {
    step(label, fraction) {
      const t = now();
      if (t - last < MIN_INTERVAL_MS && fraction < 1) return;
      last = t;
      const f = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(f * BAR);
      const pct = String(Math.round(f * 100)).padStart(3);
      let text = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${pct}% ${label}`;
      // Some terminals report no width (0): assume 80 columns.
      const width = (stream.columns && stream.columns > 20 ? stream.columns : 80) - 1;
      if (text.length > width) text = text.slice(0, width);
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** Inputs at least this large get a progress bar (smaller ones finish before it would be seen). */
export const LARGE_INPUT_BYTES = 2_000_000;
