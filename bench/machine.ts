import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  /** The filesystem the dataset lives on: device, type and whether the kernel calls it rotational. */
  disk: string;
  /** The 1-minute load average when the run began: the machine is shared, so a busy one explains slow figures. */
  loadAverage: number;
}

function diskOf(dir: string): string {
  try {
    const lines = execFileSync('df', ['--output=source,fstype', dir], { encoding: 'utf8' }).trim().split('\n');
    const [source = '?', fstype = '?'] = (lines.at(-1) ?? '').trim().split(/\s+/);
    const device = source.replace(/^\/dev\//, '').replace(/\d+$/, '');
    let kind = '';
    try {
      kind =
        readFileSync(`/sys/block/${device}/queue/rotational`, 'utf8').trim() === '1'
          ? ', rotational per the kernel'
          : ', non-rotational';
    } catch {
      kind = '';
    }
    return `${source} (${fstype}${kind})`;
  } catch {
    return 'unknown';
  }
}

/** What the figures were measured on; `dataDir` picks the disk. */
export function describeMachine(dataDir: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    disk: diskOf(dataDir),
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
