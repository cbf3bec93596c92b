import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CpuProfile, readProfileDir, summariseProfile } from './cpu-profile.ts';

/**
 * A real process under `node --cpu-prof`, as the bench runs Linli: it keeps the CPU busy in a named function for
 * 300 ms, sleeps 200 ms, and does it again, printing when the first burst began and ended on the monotonic clock.
 */
const SCRIPT = `
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
function spinForTheProfile(ms) {
  const end = performance.now() + ms;
  let sum = 0;
  while (performance.now() < end) for (let i = 0; i < 200000; i += 1) sum += Math.sqrt(sum + i);
  return sum;
}
const start = nowUs();
spinForTheProfile(300);
const end = nowUs();
setTimeout(() => {
  spinForTheProfile(300);
  process.stdout.write(JSON.stringify([start, end]));
}, 200);
`;

let dir = '';
let profile: CpuProfile;
let firstBurstUs: [number, number];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-prof-test-'));
  const printed = execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-e', SCRIPT], {
    encoding: 'utf8',
  });
  firstBurstUs = JSON.parse(printed) as [number, number];
  profile = readProfileDir(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spin = (lines: ReturnType<typeof summariseProfile>) => lines.find((l) => l.name.startsWith('spinForTheProfile'));

describe('the CPU profile summary', () => {
  it('charges self time to the function that burned it', () => {
    const [top] = summariseProfile(profile, 5).filter((line) => !line.name.startsWith('('));
    expect(top?.name.startsWith('spinForTheProfile')).toBe(true);
    expect(top?.selfMs).toBeGreaterThan(450);
  });

  it('cuts the profile to a window on the monotonic clock the bench measures with', () => {
    const whole = summariseProfile(profile, 50);
    const firstBurst = summariseProfile(profile, 50, firstBurstUs);
    expect(spin(firstBurst)?.selfMs).toBeGreaterThan(250);
    expect(spin(firstBurst)?.selfMs).toBeLessThan((spin(whole)?.selfMs ?? 0) * 0.75);
    expect(firstBurst.find((line) => line.name === '(idle)')?.selfMs ?? 0).toBeLessThan(20);
  });
});
