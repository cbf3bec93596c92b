import { Worker } from 'node:worker_threads';
import { CompiledQuery, sql } from 'kysely';
import type { Statement } from './bulk-insert.ts';
import type { WriterReply, WriterRequest } from './bulk-writer.worker.ts';
import type { ScaleContext } from './scale-context.ts';

/** Where the cases' INSERTs go: each `write` is one transaction; `close` waits for all of them. */
export interface CaseSink {
  write(statements: Statement[]): Promise<void>;
  close(): Promise<void>;
}

/** Chunks handed to the writer thread and not yet committed: one being written, one waiting. */
const IN_FLIGHT = 2;

/**
 * A file-based SQLite database gets a writer thread with its own connection (`bulk-writer.worker.ts`), so drawing
 * the next chunk of cases (main thread) and writing the last one overlap on the two cores; the main connection
 * writes nothing meanwhile. PostgreSQL (whose server does the writing in its own process) and an in-memory
 * database write on the app's connection, one transaction per chunk.
 */
export async function openCaseSink(ctx: ScaleContext, cacheKib: number): Promise<CaseSink> {
  const file = ctx.dialect === 'sqlite' ? await databaseFile(ctx) : '';
  return file ? workerSink(file, cacheKib) : connectionSink(ctx);
}

async function databaseFile(ctx: ScaleContext): Promise<string> {
  const result = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(ctx.db);
  return result.rows.find((r) => r.name === 'main')?.file ?? '';
}

function connectionSink(ctx: ScaleContext): CaseSink {
  return {
    write: (statements) =>
      ctx.db.transaction().execute(async (trx) => {
        for (const statement of statements) await trx.executeQuery(CompiledQuery.raw(statement.sql, statement.params));
      }),
    close: async () => {},
  };
}

/** The worker runs from its TypeScript source through tsx, loaded the way `bin/linli.mjs` loads the CLI. */
function startWriter(path: string, cacheKib: number): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./bulk-writer.worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: { path, cacheKib } });
}

function workerSink(path: string, cacheKib: number): CaseSink {
  const worker = startWriter(path, cacheKib);
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: WriterReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error === null) w?.resolve();
    else fail(new Error(`writing cases failed: ${reply.error}`));
  });
  worker.on('error', fail);
  let next = 0;
  const pending: Promise<void>[] = [];
  const send = (request: WriterRequest): Promise<void> => {
    if (failure) return Promise.reject(failure);
    const done = new Promise<void>((resolve, reject) => waiting.set(request.id, { resolve, reject }));
    worker.postMessage(request);
    return done;
  };
  return {
    async write(statements) {
      const written = send({ id: next++, statements });
      // Awaited below or in `close`; a failure meanwhile must not count as an unhandled rejection.
      written.catch(() => {});
      pending.push(written);
      while (pending.length >= IN_FLIGHT) await pending.shift();
    },
    async close() {
      try {
        while (pending.length > 0) await pending.shift();
        await send({ id: next++, close: true });
      } finally {
        await worker.terminate();
      }
    },
  };
}
