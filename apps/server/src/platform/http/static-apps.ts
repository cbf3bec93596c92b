import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the built front ends live, relative to the repository root. */
export interface FrontEndDirs {
  admin: string;
  mobile: string;
}

/**
 * Serves the console at `/` and the H5 at `/m/`. Unknown non-API GETs that accept HTML fall back to the app's
 * index.html so client-side routes survive a reload.
 */
export async function installFrontEnds(app: FastifyInstance, dirs: FrontEndDirs): Promise<void> {
  const hasAdmin = existsSync(join(dirs.admin, 'index.html'));
  const hasMobile = existsSync(join(dirs.mobile, 'index.html'));
  if (hasAdmin)
    await app.register(fastifyStatic, { root: dirs.admin, prefix: '/', wildcard: false, index: 'index.html' });
  if (hasMobile) {
    await app.register(fastifyStatic, {
      root: dirs.mobile,
      prefix: '/m/',
      decorateReply: !hasAdmin,
      wildcard: false,
      index: 'index.html',
    });
    app.get('/m', (_request, reply) => reply.redirect('/m/'));
  }
  app.addHook('onRequest', async (request, reply) => {
    const isServerPath = /^\/(api|healthz|open311)(\/|\?|$)/.test(request.url);
    if (request.method !== 'GET' || isServerPath || !request.headers.accept?.includes('text/html')) return;
    const path = request.url.split('?')[0] ?? '/';
    if (path.includes('.')) return;
    const isMobile = path === '/m' || path.startsWith('/m/');
    if (isMobile && hasMobile && path !== '/m/') return reply.sendFile('index.html', dirs.mobile);
    if (!isMobile && hasAdmin && path !== '/') return reply.sendFile('index.html', dirs.admin);
  });
}
