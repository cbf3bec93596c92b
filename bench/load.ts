import autocannon, { type AutocannonRequest } from 'autocannon';
import type { RunningChild } from './servers.ts';

export interface LoadSpec {
  server: RunningChild;
  connections: number;
  requests: AutocannonRequest[];
  warmupSeconds: number;
  durationSeconds: number;
  /** At most this many requests in the measured run (S1: the residents' rate-limit budget); the run may end early. */
  maxRequests?: number;
  /** Requests the warm-up may send (S1: the same budget's other share). */
  maxWarmupRequests?: number;
}

export interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  /** Null when not a single answer came back (every request timed out). */
  p50Ms: number | null;
  p99Ms: number | null;
  /** Non-2xx answers plus connection errors and timeouts. */
  errors: number;
  /** Of the errors, requests without an answer after 10 s. */
  timeouts: number;
  responses: number;
  statusCodes: Record<string, number>;
  seconds: number;
  peakRssBytes: number;
  memoryMethod: 'hwm' | 'sampled';
  /** When the measured run began and ended, on the monotonic clock V8's CPU profiles use. */
  windowUs: [number, number];
}

/** Microseconds on CLOCK_MONOTONIC, the clock a `.cpuprofile`'s timestamps count on Linux. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** A request's answer is late after 10 s (autocannon's default): a timeout counts as an error. */
const TIMEOUT_SECONDS = 10;

/**
 * A warm-up run (discarded: JIT, caches, connection set-up), then the peak-memory mark is reset and the measured
 * run starts. Throughput is answers per second of wall time, latency autocannon's histogram over every answer.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const common = { url: spec.server.baseUrl, connections: spec.connections, timeout: TIMEOUT_SECONDS };
  await autocannon({
    ...common,
    duration: spec.warmupSeconds,
    requests: spec.requests,
    ...(spec.maxWarmupRequests ? { maxOverallRequests: spec.maxWarmupRequests } : {}),
  });
  spec.server.memory.reset();
  const startUs = monotonicUs();
  const result = await autocannon({
    ...common,
    duration: spec.durationSeconds,
    requests: spec.requests,
    ...(spec.maxRequests ? { maxOverallRequests: spec.maxRequests } : {}),
  });
  const windowUs: [number, number] = [startUs, monotonicUs()];
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    connections: spec.connections,
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50Ms: result.requests.total > 0 ? result.latency.p50 : null,
    p99Ms: result.requests.total > 0 ? result.latency.p99 : null,
    errors: result.non2xx + result.errors,
    timeouts: result.timeouts,
    responses: result.requests.total,
    statusCodes,
    seconds: result.duration,
    peakRssBytes: spec.server.memory.peakBytes(),
    memoryMethod: spec.server.memory.method(),
    windowUs,
  };
}
