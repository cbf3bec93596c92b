import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseTarget, openDatabase } from '../../src/db/database.ts';
import { testDialect } from '../test-database.ts';
import { isRefused, startRawPost, waitUntil } from './concurrency-http.ts';
import {
  childDatabaseEnv,
  createPostgresDatabase,
  type PostgresDatabase,
  type SeededResident,
  seedResident,
  withPlatform,
} from './process-database.ts';
import { type LinliServer, startLinli } from './process-server.ts';

/**
 * REL-9 on a real `linli serve`: SIGTERM while a request is in flight. The request is slow from the client's side —
 * its body arrives in two parts, the second only after the server has begun shutting down — because no route is
 * slow on a small database and production code gets no fake slow route. The server must stop accepting
 * connections, finish the request (a password sign-in: a session row and an audit entry), close the database
 * (checkpointing SQLite's WAL) and exit 0.
 */
describe(`graceful shutdown of linli serve on ${testDialect()} (REL-9)`, () => {
  let dataDir: string;
  let target: DatabaseTarget;
  let postgres: PostgresDatabase | undefined;
  let resident: SeededResident;
  let server: LinliServer | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'linli-shutdown-'));
    if (testDialect() === 'postgres') {
      postgres = await createPostgresDatabase(process.env.LINLI_TEST_PG_URL ?? '', 'linli_shutdown');
      target = { dialect: 'postgres', url: postgres.url };
    } else {
      target = { dialect: 'sqlite', path: join(dataDir, 'linli.db') };
    }
    resident = await withPlatform(target, seedResident);
    server = await startLinli(childDatabaseEnv(target, dataDir));
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await postgres?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the in-flight request, refuses new connections and exits 0 on SIGTERM', async () => {
    const live = server as LinliServer;
    const login = await startRawPost({
      port: live.port,
      path: '/api/v1/auth/login',
      body: { username: resident.username, password: resident.password },
      sentFirst: 10,
    });
    // Routed (headers read) before the signal: from here on it is an in-flight request the server must drain.
    await live.waitForOutput(/"url":"\/api\/v1\/auth\/login"/);
    live.signal('SIGTERM');
    await live.waitForOutput(/shutting down: draining in-flight requests/);
    await waitUntil('the server stops accepting connections', () => isRefused(live.port));

    login.finish();
    const answer = await login.response;
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok', me: { id: resident.userId } });
    expect(answer.headers['set-cookie']).toMatch(/^linli_sid=/);
    expect(await live.exited).toEqual({ code: 0, signal: null });

    if (target.dialect === 'sqlite') {
      // better-sqlite3's close checkpoints the WAL into the database file and removes it.
      const wal = `${target.path}-wal`;
      expect(!existsSync(wal) || statSync(wal).size === 0, `${wal} left behind`).toBe(true);
    }
    const database = await openDatabase(target);
    try {
      const sessions = await database.db
        .selectFrom('user_session')
        .select('id')
        .where('user_id', '=', resident.userId)
        .execute();
      expect(sessions).toHaveLength(1);
      const logins = await database.db
        .selectFrom('audit_log')
        .select('outcome')
        .where('action', '=', 'auth.login')
        .where('object_id', '=', resident.userId)
        .execute();
      expect(logins).toEqual([{ outcome: 'success' }]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
