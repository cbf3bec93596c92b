import { realJpeg } from '../../src/modules/civic-cases/intake/intake.test-support.ts';
import { testPhone } from '../../src/modules/members/members.test-support.ts';
import { PASSWORD_POLICY_KEY } from '../../src/platform/auth/password-policy.ts';
import { totpCodeAt } from '../../src/platform/auth/totp.ts';
import { assignRole, TEST_PASSWORD } from '../factories.ts';
import { API, multipart, type RequestTable, type Side } from './authorisation-cells.ts';
import { settingEtag } from './authorisation-etags.ts';
import { quickUser } from './authorisation-users.ts';
import { apiOf, type World } from './authorisation-world.ts';

/** Sign-in flows, accounts and the 三权分立 areas, calendar, inbox, stored files, health and the API docs. */

const PUBLIC = 'public: no session needed, nothing to place on a side';

/** A staff account with no TOTP yet, signed in with its password: the challenge token of its next step. */
async function loginToken(w: World, mustChange = false): Promise<{ token: string; userId: string }> {
  const user = await quickUser(w.t);
  await assignRole(w.t.platform, user.id, 'grid_worker', w.sides.in.grid);
  if (mustChange) {
    await w.t.platform.db.updateTable('app_user').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
  }
  const result = await apiOf(w.t).ok<{ mfaToken?: string; changeToken?: string }>(null, 'POST', `${API}/auth/login`, {
    username: user.username,
    password: TEST_PASSWORD,
  });
  const token = mustChange ? result.changeToken : result.mfaToken;
  if (!token) throw new Error(`login gave no challenge: ${JSON.stringify(result)}`);
  return { token, userId: user.id };
}

async function otpCode(w: World, phone: string, purpose: 'login' | 'register'): Promise<string> {
  const sent = await apiOf(w.t).ok<{ devCode: string }>(null, 'POST', `${API}/auth/otp/send`, { phone, purpose });
  return sent.devCode;
}

/** A fresh account on the side: a grid worker of its grid, with the assignment's id. */
async function freshAccount(w: World, side: Side): Promise<{ id: string; assignmentId: string }> {
  const user = await quickUser(w.t);
  await assignRole(w.t.platform, user.id, 'grid_worker', w.sides[side].grid);
  const row = await w.t.platform.db
    .selectFrom('role_assignment')
    .select('id')
    .where('user_id', '=', user.id)
    .executeTakeFirstOrThrow();
  return { id: user.id, assignmentId: row.id };
}

export const PLATFORM_REQUESTS: RequestTable = {
  'POST /api/v1/auth/login': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => {
      const user = await quickUser(world.t);
      return { url: `${API}/auth/login`, body: { username: user.username, password: TEST_PASSWORD } };
    },
  },
  'POST /api/v1/auth/totp/enrol': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => ({
      url: `${API}/auth/totp/enrol`,
      body: { mfaToken: (await loginToken(world)).token },
    }),
  },
  'POST /api/v1/auth/totp/verify': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => {
      const { token } = await loginToken(world);
      const enrolment = await apiOf(world.t).ok<{ secret: string }>(null, 'POST', `${API}/auth/totp/enrol`, {
        mfaToken: token,
      });
      const code = totpCodeAt(enrolment.secret, world.t.clock.now());
      return { url: `${API}/auth/totp/verify`, body: { mfaToken: token, code } };
    },
  },
  'POST /api/v1/auth/password/initial': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => ({
      url: `${API}/auth/password/initial`,
      body: { changeToken: (await loginToken(world, true)).token, newPassword: 'Matrix-new-Pass-2027' },
    }),
  },
  'POST /api/v1/auth/password': {
    scope: 'unscoped',
    why: 'changes the caller’s own password (called as a twin of the caller)',
    build: async () => ({
      url: `${API}/auth/password`,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Matrix-new-Pass-2027' },
      asTwin: true,
    }),
  },
  'POST /api/v1/auth/otp/send': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async () => ({ url: `${API}/auth/otp/send`, body: { phone: testPhone(), purpose: 'login' } }),
  },
  'POST /api/v1/auth/otp/login': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => {
      const phone = testPhone();
      await quickUser(world.t, { phone });
      return { url: `${API}/auth/otp/login`, body: { phone, code: await otpCode(world, phone, 'login') } };
    },
  },
  'POST /api/v1/auth/register': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async ({ world }) => {
      const phone = testPhone();
      const code = await otpCode(world, phone, 'register');
      const compoundId = world.sides.in.compound.id;
      return {
        url: `${API}/auth/register`,
        body: { phone, code, displayName: '新住户', compoundId, building: '5栋', room: '202' },
      };
    },
  },
  'POST /api/v1/auth/logout': {
    scope: 'unscoped',
    why: 'ends the caller’s own session (called as a twin of the caller)',
    build: async () => ({ url: `${API}/auth/logout`, body: {}, asTwin: true }),
  },
  'GET /api/v1/auth/me': {
    scope: 'unscoped',
    why: 'the caller’s own account',
    build: async () => ({ url: `${API}/auth/me` }),
  },

  'GET /api/v1/accounts': {
    scope: 'unscoped',
    why: 'the list has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/accounts` }),
  },
  'POST /api/v1/accounts': {
    scope: 'unscoped',
    why: 'a new account has no assignment yet: it belongs to the county root',
    build: async () => ({
      url: `${API}/accounts`,
      body: { username: `matrix.${Math.random().toString(36).slice(2, 10)}`, displayName: '矩阵账号' },
    }),
  },
  'GET /api/v1/accounts/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/accounts/${world.sides[side].account}` }),
  },
  'POST /api/v1/accounts/:id/status': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/accounts/${(await freshAccount(world, side)).id}/status`,
      body: { status: 'disabled' },
    }),
  },
  'POST /api/v1/accounts/:id/unlock': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/accounts/${(await freshAccount(world, side)).id}/unlock`,
      body: {},
    }),
  },
  'POST /api/v1/accounts/:id/roles': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/accounts/${(await freshAccount(world, side)).id}/roles`,
      body: { role: 'branch_committee', scopeKind: 'compound', scopeId: world.sides[side].compound.id },
    }),
  },
  'DELETE /api/v1/accounts/:id/roles/:assignmentId': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const account = await freshAccount(world, side);
      return { url: `${API}/accounts/${account.id}/roles/${account.assignmentId}` };
    },
  },
  'GET /api/v1/security/password-policy': {
    scope: 'unscoped',
    why: 'county-wide security policy',
    build: async () => ({ url: `${API}/security/password-policy` }),
  },
  'PUT /api/v1/security/password-policy': {
    scope: 'unscoped',
    why: 'county-wide security policy',
    build: async ({ world }) => ({
      url: `${API}/security/password-policy`,
      body: { minLength: 12, minClasses: 3, maxAgeDays: 90, lockoutThreshold: 5, lockoutMinutes: 15 },
      headers: await settingEtag(world, PASSWORD_POLICY_KEY),
    }),
  },
  'GET /api/v1/audit': {
    scope: 'unscoped',
    why: 'the county’s audit log',
    build: async () => ({ url: `${API}/audit` }),
  },
  'GET /api/v1/audit/verify': {
    scope: 'unscoped',
    why: 'the county’s audit log',
    build: async () => ({ url: `${API}/audit/verify` }),
  },

  'GET /api/v1/calendar': {
    scope: 'unscoped',
    why: 'the county’s working-day calendar',
    build: async () => ({ url: `${API}/calendar?year=2026` }),
  },
  'PUT /api/v1/calendar/days/:day': {
    scope: 'unscoped',
    why: 'the county’s working-day calendar',
    build: async () => ({ url: `${API}/calendar/days/2026-12-26`, body: { workday: true, name: '调休' } }),
  },
  'DELETE /api/v1/calendar/days/:day': {
    scope: 'unscoped',
    why: 'the county’s working-day calendar',
    build: async ({ world }) => {
      await apiOf(world.t).ok(world.operators.county, 'PUT', `${API}/calendar/days/2026-12-27`, { workday: true });
      return { url: `${API}/calendar/days/2026-12-27` };
    },
  },
  'GET /api/v1/me/notifications': {
    scope: 'unscoped',
    why: 'the caller’s own inbox',
    build: async () => ({ url: `${API}/me/notifications` }),
  },
  'POST /api/v1/me/notifications/read': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const row = await world.t.platform.db
        .selectFrom('notification')
        .select('id')
        .where('user_id', '=', world.sides[side].resident.userId)
        .executeTakeFirstOrThrow();
      return { url: `${API}/me/notifications/read`, body: { ids: [row.id] } };
    },
    refusedIn: async ({ world, side }) => {
      const row = await world.t.platform.db
        .selectFrom('notification')
        .select('read_at')
        .where('user_id', '=', world.sides[side].resident.userId)
        .executeTakeFirstOrThrow();
      if (row.read_at === null) return true;
      await world.t.platform.db
        .updateTable('notification')
        .set({ read_at: null })
        .where('user_id', '=', world.sides[side].resident.userId)
        .execute();
      return false;
    },
  },

  'POST /api/v1/files': {
    scope: 'unscoped',
    why: 'an upload belongs to nobody until a record takes it',
    build: async () => {
      const upload = multipart('photo.jpg', await realJpeg(), 'image/jpeg');
      return { url: `${API}/files`, payload: upload.payload, headers: upload.headers };
    },
  },
  'GET /api/v1/files/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/files/${world.sides[side].photo}` }),
  },
  'GET /api/v1/files/:id/thumbnail': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/files/${world.sides[side].photo}/thumbnail` }),
  },

  'GET /healthz': { scope: 'unscoped', why: PUBLIC, build: async () => ({ url: '/healthz' }) },
  'GET /api/docs': { scope: 'unscoped', why: PUBLIC, build: async () => ({ url: '/api/docs' }) },
  'GET /api/docs/json': { scope: 'unscoped', why: PUBLIC, build: async () => ({ url: '/api/docs/json' }) },
  'GET /api/docs/yaml': { scope: 'unscoped', why: PUBLIC, build: async () => ({ url: '/api/docs/yaml' }) },
  'GET /api/docs/static/index.html': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async () => ({ url: '/api/docs/static/index.html' }),
  },
  'GET /api/docs/static/swagger-initializer.js': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async () => ({ url: '/api/docs/static/swagger-initializer.js' }),
  },
  'GET /api/docs/static/*': {
    scope: 'unscoped',
    why: PUBLIC,
    build: async () => ({ url: '/api/docs/static/swagger-ui.css' }),
  },
};
