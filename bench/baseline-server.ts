/**
 * S0's server: bare Fastify (the version Linli runs) with one JSON POST route that echoes a small body. Started as
 * a child process through the same tsx loader as Linli, so both are measured the same way. The port comes from
 * BENCH_BASELINE_PORT; `/healthz` answers once it listens, like Linli's.
 */
import Fastify from 'fastify';

const port = Number(process.env.BENCH_BASELINE_PORT);
if (!Number.isInteger(port) || port < 1) throw new Error('BENCH_BASELINE_PORT must be a port number');

const app = Fastify({ logger: false });

app.post<{ Body: unknown }>('/echo', async (request) => ({ received: request.body }));
app.get('/healthz', async () => ({ status: 'ok' }));

const shutdown = () => {
  void app.close().then(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

await app.listen({ port, host: '127.0.0.1' });
