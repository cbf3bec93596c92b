import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * PI-8: the rate limiter of the anonymous channel keys clients by an HMAC of their IP under a salt made when the
 * process starts and kept only in memory. The limiter's own store is in memory with a one-minute window, so the
 * key is short-lived, never written anywhere, and cannot be recomputed from an IP after a restart — it can never
 * be joined to a report.
 */
const SALT = randomBytes(32);

export const hashedClientKey = (request: FastifyRequest): string =>
  createHmac('sha256', SALT).update(request.ip).digest('base64url');

/** Signed-in reporters are limited per account; everyone else by the hashed client key. */
export const reporterKey = (request: FastifyRequest): string =>
  request.actor ? `user:${request.actor.userId}` : hashedClientKey(request);
