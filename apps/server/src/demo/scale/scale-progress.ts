/** Where the progress goes: stderr in the CLI, nowhere in tests. */
export interface ProgressSink {
  isTTY: boolean;
  write(text: string): void;
}

export interface PhaseTiming {
  phase: string;
  rows: number;
  ms: number;
}

/** One phase of the generation: rows done of a known total. */
export interface PhaseProgress {
  advance(rows: number): void;
  /** Ends the phase (its rows as counted so far) and records its time. */
  end(): PhaseTiming;
}

const BAR_WIDTH = 24;
/** A TTY line is redrawn at most this often; a log gets a line every 5 %. */
const REDRAW_MS = 200;
const LOG_STEP = 0.05;

const seconds = (ms: number): string =>
  ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * The progress bar of `linli demo --scale`: phase name, rows done of the total, the rate and the time left. On a
 * terminal one line is redrawn in place; otherwise (a log, CI) a line is written every 5 %.
 */
export class ScaleProgress {
  readonly timings: PhaseTiming[] = [];

  constructor(private readonly sink: ProgressSink | null) {}

  phase(name: string, total: number): PhaseProgress {
    const started = performance.now();
    let done = 0;
    let lastDraw = 0;
    let nextLog = LOG_STEP;
    let logged = -1;
    const line = (): string => {
      const elapsed = performance.now() - started;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const rate = elapsed > 0 ? (done / elapsed) * 1000 : 0;
      const eta = rate > 0 ? ((total - done) / rate) * 1000 : 0;
      const filled = Math.round(share * BAR_WIDTH);
      return `${name.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${thousands(done)}/${thousands(total)} ${thousands(rate)}/s ETA ${seconds(eta)}`;
    };
    const draw = (final: boolean) => {
      const sink = this.sink;
      if (!sink) return;
      if (sink.isTTY) {
        const now = performance.now();
        if (!final && now - lastDraw < REDRAW_MS) return;
        lastDraw = now;
        sink.write(`\r\x1b[2K${line()}${final ? '\n' : ''}`);
        return;
      }
      if ((final && done !== logged) || (total > 0 && done / total >= nextLog)) {
        logged = done;
        sink.write(`${line()}\n`);
        while (total > 0 && done / total >= nextLog) nextLog += LOG_STEP;
      }
    };
    return {
      advance: (rows) => {
        done += rows;
        draw(false);
      },
      end: () => {
        draw(true);
        const timing = { phase: name, rows: done, ms: performance.now() - started };
        this.timings.push(timing);
        return timing;
      },
    };
  }

  /** A line of its own (a phase's summary, the totals). */
  note(text: string): void {
    this.sink?.write(`${text}\n`);
  }
}

export const formatDuration = seconds;
