import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, createUser } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type TestApp } from '../../../test/harness.ts';
import { auditRows, freshIp, postAnon, sessionFrom } from '../../platform/auth/auth-test-kit.ts';

describe('resident self-registration', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let phoneSeq = 0;
  const newPhone = () => {
    phoneSeq += 1;
    return `137${String(phoneSeq).padStart(8, '0')}`;
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  const registerCode = async (phone: string): Promise<string> =>
    (await postAnon(t.app, '/api/v1/auth/otp/send', { phone, purpose: 'register' })).json().devCode;
  const register = (body: Record<string, unknown>, ip?: string) =>
    postAnon(t.app, '/api/v1/auth/register', body, ip ? { ip } : {});
  const household = () => ({
    displayName: '王小明',
    compoundId: county.compoundA.id,
    building: '3栋',
    unit: '2单元',
    room: '501',
  });

  describe('GET /public/compounds', () => {
    it('lists compound names without a session, filtered by q', async () => {
      const response = await as(t.app, null).get(`/api/v1/public/compounds?q=${encodeURIComponent('金碧')}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        items: [{ id: county.compoundA.id, name: '金碧花园', orgName: '金碧社区党总支' }],
      });
      const all = await as(t.app, null).get('/api/v1/public/compounds');
      expect(all.json().items.map((c: { name: string }) => c.name)).toEqual(['金碧花园', '龙泉苑']);
    });

    it('answers 400 for an overlong query', async () => {
      expect((await as(t.app, null).get(`/api/v1/public/compounds?q=${'x'.repeat(51)}`)).statusCode).toBe(400);
    });
  });

  describe('POST /auth/register', () => {
    it('answers 400 for a bad phone, code or missing room', async () => {
      const response = await register({ ...household(), phone: '123', code: '12' });
      expect(response.statusCode).toBe(400);
      const issues = response.json().error.details.issues.map((i: { path: string }) => i.path);
      expect(issues).toEqual(expect.arrayContaining(['body.phone', 'body.code']));
      const noRoom = await register({ ...household(), room: undefined, phone: newPhone(), code: '123456' });
      expect(noRoom.statusCode).toBe(400);
    });

    it('answers 401 OTP_INVALID for a wrong code and 404 for an unknown compound', async () => {
      const phone = newPhone();
      const code = await registerCode(phone);
      const wrong = await register({ ...household(), phone, code: code === '000000' ? '111111' : '000000' });
      expect(wrong.statusCode).toBe(401);
      expect(errorCode(wrong)).toBe('OTP_INVALID');
      const nowhere = await register({
        ...household(),
        compoundId: '01900000-0000-7000-8000-000000000000',
        phone,
        code,
      });
      expect(nowhere.statusCode).toBe(404);
    });

    it('creates the account and a pending claim, signs the resident in without roles, audited', async () => {
      const phone = newPhone();
      const code = await registerCode(phone);
      const response = await register({ ...household(), phone, code });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        status: 'ok',
        me: {
          username: null,
          displayName: '王小明',
          phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
          roles: [],
        },
      });
      const session = sessionFrom(response);
      expect((await as(t.app, session).get('/api/v1/auth/me')).json().id).toBe(body.me.id);

      const user = await t.platform.db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', body.me.id)
        .executeTakeFirstOrThrow();
      expect(user.phone_cipher).not.toContain(phone);
      expect(user.phone_index).toBe(t.platform.blindIndex(phone));
      expect(user.password_hash).toBeNull();
      const claim = await t.platform.db
        .selectFrom('resident_claim')
        .selectAll()
        .where('user_id', '=', body.me.id)
        .executeTakeFirstOrThrow();
      expect(claim).toMatchObject({
        compound_id: county.compoundA.id,
        path: county.compoundA.path,
        building: '3栋',
        unit: '2单元',
        room: '501',
        status: 'pending',
      });
      const audits = (await auditRows(t, 'resident.register')).filter((r) => r.object_id === claim.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]?.actor_id).toBe(body.me.id);
      const session1 = await t.platform.db
        .selectFrom('user_session')
        .select('is_staff')
        .where('user_id', '=', body.me.id)
        .executeTakeFirstOrThrow();
      expect(session1.is_staff).toBe(0);
    });

    it('uses a code once and refuses a phone that already has an account', async () => {
      const phone = newPhone();
      const code = await registerCode(phone);
      expect((await register({ ...household(), phone, code })).statusCode).toBe(200);
      expect(errorCode(await register({ ...household(), phone, code }))).toBe('OTP_INVALID');

      const taken = newPhone();
      await createUser(t.platform, { phone: taken });
      const takenCode = await registerCode(taken);
      const duplicate = await register({ ...household(), phone: taken, code: takenCode });
      expect(duplicate.statusCode).toBe(409);
      expect(errorCode(duplicate)).toBe('DUPLICATE');
    });

    it('limits one address to 10 registrations a minute (WEB-3)', async () => {
      const ip = freshIp();
      for (let i = 0; i < 10; i += 1) {
        expect((await register({ ...household(), phone: newPhone(), code: '123456' }, ip)).statusCode).toBe(401);
      }
      const limited = await register({ ...household(), phone: newPhone(), code: '123456' }, ip);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
    });
  });
});
