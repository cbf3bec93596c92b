import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for cookies and login challenges (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256, so a database leak yields no live session. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
