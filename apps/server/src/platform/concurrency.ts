import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors/app-error.ts';

/** REL-7: an edit must say which version it read: `If-Match: "v<version>"`. Missing → 428. */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const match = typeof header === 'string' ? /^(?:W\/)?"v(\d+)"$/.exec(header.trim()) : null;
  if (!match?.[1]) throw new AppError('VERSION_REQUIRED');
  return Number(match[1]);
}

export const etagFor = (version: number): string => `"v${version}"`;

export function sendEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagFor(version));
}

/** The repository's `UPDATE … WHERE version = ?` touched no row: someone else saved first → 412. */
export function assertUpdated(rowsUpdated: bigint | number): void {
  if (Number(rowsUpdated) === 0) throw new AppError('VERSION_STALE');
}
