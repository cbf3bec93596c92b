import type { Role } from '@linli/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { OrgNode } from '../../../test/factories.ts';
import { assignRole, createUser } from '../../../test/factories.ts';
import type { Session, TestApp } from '../../../test/harness.ts';
import { totpCodeAt } from './totp.ts';

/**
 * Helpers for the sign-in tests. Each anonymous call comes from its own address unless one is given, so the
 * per-IP limits (WEB-3) only bite in the tests about them.
 */
let lastOctet = 0;
export const freshIp = (): string => {
  lastOctet += 1;
  return `10.${(lastOctet >> 16) & 255}.${(lastOctet >> 8) & 255}.${lastOctet & 255}`;
};

export function postAnon(
  app: FastifyInstance,
  url: string,
  body: unknown,
  options: { ip?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    payload: body as Record<string, unknown>,
    remoteAddress: options.ip ?? freshIp(),
    headers: options.headers ?? {},
  }) as Promise<LightMyRequestResponse>;
}

export interface ParsedCookie {
  name: string;
  value: string;
  attributes: Map<string, string | true>;
}

/** Parses raw `Set-Cookie` headers (WEB-1 checks look at the exact attributes sent). */
export function setCookies(response: LightMyRequestResponse): ParsedCookie[] {
  const header = response.headers['set-cookie'];
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  return lines.map((line) => {
    const [pair = '', ...attrs] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const attributes = new Map<string, string | true>();
    for (const attr of attrs) {
      const at = attr.indexOf('=');
      attributes.set((at < 0 ? attr : attr.slice(0, at)).toLowerCase(), at < 0 ? true : attr.slice(at + 1));
    }
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
  });
}

/** The browser session a successful sign-in answer establishes. */
export function sessionFrom(response: LightMyRequestResponse): Session {
  const cookie = setCookies(response).find((c) => c.name.endsWith('linli_sid'));
  const body = response.json() as { me?: { id: string; csrfToken: string } };
  if (!cookie || !body.me) throw new Error(`no session in ${response.statusCode} ${response.body}`);
  return { cookie: `${cookie.name}=${cookie.value}`, csrfToken: body.me.csrfToken, userId: body.me.id };
}

export const login = (t: TestApp, username: string, password: string, ip?: string) =>
  postAnon(t.app, '/api/v1/auth/login', { username, password }, ip ? { ip } : {});

/** A user with a password holding `role` over `scope` (or no role at all). */
export async function userWithRole(
  t: TestApp,
  role: Role | null,
  scope: OrgNode,
  overrides: Parameters<typeof createUser>[1] = {},
): Promise<{ id: string; username: string }> {
  const user = await createUser(t.platform, overrides);
  if (role) await assignRole(t.platform, user.id, role, scope);
  return user;
}

/** The code an authenticator app would show now. */
export const codeNow = (t: TestApp, secret: string): string => totpCodeAt(secret, t.clock.now());

export const auditRows = (t: TestApp, action: string) =>
  t.platform.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
