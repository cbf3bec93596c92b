import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
/** tsx compiles the services on every start; on the shared 2-core machine that takes several seconds. */
const START_TIMEOUT_MS = 90_000;

export interface CrashedWriter {
  /** Everything the writer printed to stdout: `loaded`, then one acknowledgement per line. */
  stdout: string;
  stderr: string;
}

/** How a round ends the writer: kill -9, and on PostgreSQL first `pg_ctl stop -m immediate`. */
export type Crash = (writer: ChildProcess) => Promise<void>;

export interface StartedWriter {
  /** Lets it open the database and write; `delayMs` after its first acknowledged write, `crash` ends it. */
  writeAndCrash(delayMs: number, crash: Crash): Promise<CrashedWriter>;
  /** Ends a writer that never got to write (the last round's spare). */
  dispose(): void;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Resolves when stdout holds a whole line matching `line`; rejects if the writer exits first or takes too long. */
function waitForLine(child: ChildProcess, line: RegExp, output: () => CrashedWriter): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onData = () => {
      if (
        output()
          .stdout.split('\n')
          .slice(0, -1)
          .some((l) => line.test(l))
      )
        done();
    };
    const onExit = () => done(new Error(`the crash writer exited before a line matching ${line}:\n${output().stderr}`));
    const timer = setTimeout(
      () => done(new Error(`no line matching ${line} from the crash writer:\n${output().stderr}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

/**
 * Starts a crash writer for the database `env` names. It loads (tsx compiles the services) and then waits for
 * "go" on stdin before it opens the database, so the next round's writer can load while this round's crash is
 * being recovered from and checked — each round still begins with a fresh process opening the database.
 */
export function startWriter(env: Record<string, string>): StartedWriter {
  // The parent's own database settings must not leak into the writer.
  const { DATABASE_URL: _url, LINLI_DATA_DIR: _dir, LINLI_MASTER_KEY: _key, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
    cwd: REPO_ROOT,
    env: { ...inherited, NODE_ENV: 'test', LINLI_LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output: CrashedWriter = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr += chunk;
  });
  // The writer may die (killed, or on a crashed server) while the parent still writes to its stdin.
  child.stdin?.on('error', () => {});
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const loaded = waitForLine(child, /^loaded$/, () => output);
  loaded.catch(() => {}); // awaited in writeAndCrash; a spare that is only disposed of must not reject unheard

  return {
    async writeAndCrash(delayMs, crash) {
      try {
        await loaded;
        child.stdin?.end('go\n');
        // The clock starts at the first commit: from then on the loops are writing, whatever the machine's load.
        await waitForLine(child, /^\{/, () => output);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (hasExited(child)) throw new Error(`the crash writer stopped by itself:\n${output.stderr}`);
        await crash(child);
        await closed;
        return output;
      } finally {
        if (!hasExited(child)) child.kill('SIGKILL');
      }
    },
    dispose() {
      if (!hasExited(child)) child.kill('SIGKILL');
    },
  };
}
