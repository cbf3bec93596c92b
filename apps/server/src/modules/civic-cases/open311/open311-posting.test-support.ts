import type { Selectable } from 'kysely';
import type { Session, TestApp } from '../../../../test/harness.ts';
import type { CivicCaseTable } from '../../../db/schema-civic.ts';
import { type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import { form, issueKey, postRequest } from './open311.test-support.ts';

/** 金碧花园 sits here in these tests; 龙泉苑 some 3 km east. */
const JINBI = { lat: 30.5, lng: 114.3 };
const LONGQUAN = { lat: 30.5, lng: 114.33 };

export interface PostingSetup {
  t: TestApp;
  county: CivicCounty;
  countyAdmin: Session;
  /** An active key issued through the console (named 12345热线). */
  key: string;
  post(fields: [string, string][], format?: 'xml' | 'json'): ReturnType<typeof postRequest>;
  caseOf(number: string): Promise<Selectable<CivicCaseTable>>;
}

/**
 * The county of `setupCivicTest` with its two compounds on the map, a county admin and an issued key; `post`
 * sends each call from its own address so the limiter's per-client fallback never mixes tests. Close `t`.
 */
export async function setupOpen311Posting(): Promise<PostingSetup> {
  const s = await setupCivicTest('countyAdmin');
  const { county } = s;
  const { key } = await issueKey(s.t, s.countyAdmin);
  for (const [id, point] of [
    [county.compoundA.id, JINBI],
    [county.compoundB.id, LONGQUAN],
  ] as const) {
    await s.t.platform.db.updateTable('compound').set(point).where('id', '=', id).execute();
  }
  let ip = 0;
  return {
    t: s.t,
    county,
    countyAdmin: s.countyAdmin,
    key,
    post(fields, format = 'json') {
      ip += 1;
      return postRequest(s.t, form(fields), format, `10.4.${Math.floor(ip / 250)}.${ip % 250}`);
    },
    caseOf: (number) =>
      s.t.platform.db.selectFrom('civic_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow(),
  };
}
