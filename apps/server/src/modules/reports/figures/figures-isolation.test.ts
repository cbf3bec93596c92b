import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase } from '../../civic-cases/civic-cases.test-support.ts';
import { insertMember, insertService } from '../../members/members.test-support.ts';
import { type ReportsTest, type ScopeName, setupReportsTest } from '../reports.test-support.ts';
import { computeFigures } from './figure-registry.ts';
import { figureInput } from './figure-types.ts';

describe('figure scopes', () => {
  let s: ReportsTest;
  beforeAll(async () => {
    s = await setupReportsTest();
  });
  afterAll(async () => {
    await s.close();
  });

  const figures = (scope: ScopeName) =>
    computeFigures(
      figureInput({ db: s.platform.db, dialect: s.platform.dialect, scope: s.scopes[scope], period: s.period }),
    );

  it('keep 龙泉镇 and 金碧花园 apart from new rows of 金碧雅苑, which 金碧镇 and the county count', async () => {
    s.clock.set('2026-03-01T02:00:00.000Z');
    const p = s.platform;
    const member = await insertMember(p, { residence: s.county.compoundA2, branch: s.county.compoundA2.branch });
    await insertService(p, { memberId: member.id, compound: s.county.compoundA2, servedOn: '2026-03-01', minutes: 60 });
    const parking = await p.db
      .selectFrom('civic_category')
      .select('id')
      .where('code', '=', 'CG01')
      .executeTakeFirstOrThrow();
    await insertCase(
      p,
      { ...s.county, propertyCompanyA: '', branchPartyA: '' },
      {
        categoryId: parking.id,
        status: 'closed',
        receivedOn: '2026-03-01',
        overrides: {
          compound_id: s.county.compoundA2.id,
          grid_id: s.county.gridA2.id,
          path: s.county.gridA2.path,
          closed_on: '2026-03-02',
          end_type: 'resolved',
        },
      },
    );

    expect(await figures('otherCommittee')).toEqual(s.EXPECTED.otherCommittee);
    expect(await figures('compoundA')).toEqual(s.EXPECTED.compoundA);
    expect(await figures('emptyCompound')).toEqual(s.EXPECTED.emptyCompound);
    const committee = await figures('committee');
    const county = await figures('county');
    const grew = (key: 'members_total' | 'service_records' | 'cases_received' | 'parking_resolved') => [
      Number(committee[key]) - Number(s.EXPECTED.committee[key]),
      Number(county[key]) - Number(s.EXPECTED.county[key]),
    ];
    expect(grew('members_total')).toEqual([1, 1]);
    expect(grew('service_records')).toEqual([1, 1]);
    expect(grew('cases_received')).toEqual([1, 1]);
    expect(grew('parking_resolved')).toEqual([1, 1]);
  });
});
