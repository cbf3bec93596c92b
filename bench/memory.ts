import { readFileSync, writeFileSync } from 'node:fs';

/** How often the fallback samples VmRSS when the kernel's high-water mark cannot be reset. */
const SAMPLE_MS = 100;

export interface MemoryProbe {
  /** Starts a new peak: from now on `peakBytes` reports the highest resident set since this call. */
  reset(): void;
  peakBytes(): number;
  /** The resident set right now. */
  currentBytes(): number;
  /** `hwm`: the kernel's VmHWM, reset through clear_refs; `sampled`: VmRSS read every 100 ms. */
  method(): 'hwm' | 'sampled';
  stop(): void;
}

/** A `Vm…:   123 kB` line of /proc/<pid>/status in bytes; 0 once the process is gone. */
export function readStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The peak resident memory of a child process per scenario. Writing "5" to /proc/<pid>/clear_refs resets its
 * VmHWM to the current RSS (Linux ≥ 4.0, allowed for root or the process owner), which catches even a spike
 * between two samples; where the write is refused, VmRSS is sampled every 100 ms instead.
 */
export function memoryProbe(pid: number): MemoryProbe {
  let sampledPeak = 0;
  let timer: NodeJS.Timeout | null = null;
  let useHwm = true;
  const sample = () => {
    sampledPeak = Math.max(sampledPeak, readStatusBytes(pid, 'VmRSS'));
  };
  return {
    reset() {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        useHwm = true;
        return;
      } catch {
        useHwm = false;
      }
      sampledPeak = 0;
      sample();
      timer ??= setInterval(sample, SAMPLE_MS);
      timer.unref();
    },
    peakBytes() {
      if (useHwm) return readStatusBytes(pid, 'VmHWM');
      sample();
      return sampledPeak;
    },
    currentBytes: () => readStatusBytes(pid, 'VmRSS'),
    method: () => (useHwm ? 'hwm' : 'sampled'),
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
