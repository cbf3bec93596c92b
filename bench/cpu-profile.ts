import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths.ts';

/** The V8 `.cpuprofile` fields the summary reads; times in microseconds on the monotonic clock. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  /** `function (file:line)`, the file relative to the repository or node_modules. */
  name: string;
  selfMs: number;
  percent: number;
}

const REPO_URL = `${pathToFileURL(REPO_ROOT).href}/`;

function shortUrl(url: string): string {
  if (!url) return '';
  const local = url.startsWith(REPO_URL) ? url.slice(REPO_URL.length) : url;
  const inModules = local.lastIndexOf('node_modules/');
  return inModules >= 0 ? local.slice(inModules + 'node_modules/'.length) : local;
}

/** `file:line`; TypeScript files without the line, since tsx's transformed lines are not the source's. */
const placeOf = (url: string, lineNumber: number): string =>
  url.endsWith('.ts') ? shortUrl(url) : `${shortUrl(url)}:${lineNumber + 1}`;

/**
 * Self time per function within `windowUs` (the whole profile without one): each sample is charged to the node it
 * hit, for the time until the next sample, and nodes of the same function and line are added up. (idle), (program)
 * and (garbage collector) are kept: GC near the top is itself a finding, and idle says the CPU was not the limit.
 */
export function summariseProfile(profile: CpuProfile, top: number, windowUs?: [number, number]): ProfileLine[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id);
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (!frame || (windowUs && (at < windowUs[0] || at > windowUs[1]))) return;
    const where = frame.url ? ` (${placeOf(frame.url, frame.lineNumber)})` : '';
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
    totalUs += delta;
  });
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, selfMs: us / 1000, percent: totalUs > 0 ? (us / totalUs) * 100 : 0 }));
}

/** The one `.cpuprofile` node wrote into `dir` when Linli exited. */
export function readProfileDir(dir: string): CpuProfile {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}: did Linli exit cleanly?`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
}
