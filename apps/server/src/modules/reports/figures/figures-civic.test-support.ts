import type { CivicCaseStatus, Rating } from '@linli/contracts';
import type { OrgNode } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/harness.ts';
import { type CivicCounty, insertCase } from '../../civic-cases/civic-cases.test-support.ts';
import { shanghaiMidnight } from '../../civic-cases/index.ts';
import type { ReportsCounty } from './figures-organisation.test-support.ts';

/*
 * The 民情 half of the reports dataset: cases c1…c18 with the row facts the metrics read (see the table in
 * `figures-expected.test-support.ts`), and three mediations.
 */

interface CaseSpec {
  code: string;
  at: 'A' | 'A2' | 'B' | 'B2';
  received: string;
  status: CivicCaseStatus;
  dispatched?: string;
  responded?: boolean;
  closed?: string;
  endType?: 'resolved' | 'unresolved' | 'voided';
  rated?: string;
  rating?: Rating;
  overdue?: boolean;
  mediation?: { outcome: 'agreed' | 'failed' | 'pending'; openedOn: string };
}

const CASES: Record<string, CaseSpec> = {
  c1: {
    code: 'CG01',
    at: 'A',
    received: '2026-01-10',
    status: 'closed',
    dispatched: '2026-01-10',
    responded: true,
    closed: '2026-01-20',
    endType: 'resolved',
    rated: '2026-01-21',
    rating: 'satisfied',
  },
  c2: {
    code: 'MS02',
    at: 'A',
    received: '2026-02-01',
    status: 'closed',
    dispatched: '2026-02-01',
    responded: true,
    closed: '2026-02-05',
    endType: 'resolved',
    rated: '2026-02-06',
    rating: 'basically_satisfied',
  },
  c3: {
    code: 'MS01',
    at: 'A',
    received: '2026-03-01',
    status: 'closed',
    dispatched: '2026-03-01',
    responded: false,
    closed: '2026-03-10',
    endType: 'unresolved',
    rated: '2026-03-11',
    rating: 'dissatisfied',
    overdue: true,
  },
  c4: {
    code: 'CG01',
    at: 'A',
    received: '2026-04-01',
    status: 'closed',
    dispatched: '2026-04-01',
    responded: true,
    closed: '2026-04-03',
    endType: 'unresolved',
  },
  c5: {
    code: 'MS04',
    at: 'A',
    received: '2026-05-01',
    status: 'in_progress',
    dispatched: '2026-05-01',
    responded: true,
    overdue: true,
    mediation: { outcome: 'agreed', openedOn: '2026-05-02' },
  },
  c6: { code: 'CG02', at: 'A', received: '2026-06-01', status: 'voided', endType: 'voided' },
  c7: {
    code: 'CG01',
    at: 'A',
    received: '2026-06-28',
    status: 'closed',
    dispatched: '2026-06-28',
    responded: true,
    closed: '2026-07-05',
    endType: 'resolved',
    rated: '2026-07-06',
    rating: 'satisfied',
  },
  c8: {
    code: 'SJ01',
    at: 'A2',
    received: '2026-02-10',
    status: 'closed',
    dispatched: '2026-02-10',
    responded: true,
    closed: '2026-02-20',
    endType: 'resolved',
    rated: '2026-02-21',
    rating: 'satisfied',
  },
  c9: {
    code: 'NY01',
    at: 'A2',
    received: '2026-03-05',
    status: 'closed',
    dispatched: '2026-03-05',
    responded: false,
    closed: '2026-03-15',
    endType: 'resolved',
  },
  c10: {
    code: 'MS04',
    at: 'A2',
    received: '2026-04-10',
    status: 'closed',
    dispatched: '2026-04-10',
    responded: true,
    closed: '2026-04-20',
    endType: 'resolved',
    rated: '2026-04-21',
    rating: 'basically_satisfied',
    mediation: { outcome: 'failed', openedOn: '2026-04-11' },
  },
  c11: {
    code: 'MS02',
    at: 'A2',
    received: '2025-12-20',
    status: 'closed',
    dispatched: '2025-12-20',
    responded: true,
    closed: '2026-01-05',
    endType: 'resolved',
  },
  c12: {
    code: 'LD01',
    at: 'B',
    received: '2026-01-15',
    status: 'closed',
    dispatched: '2026-01-15',
    responded: true,
    closed: '2026-01-25',
    endType: 'resolved',
    rated: '2026-01-26',
    rating: 'satisfied',
  },
  c13: {
    code: 'PK01',
    at: 'B2',
    received: '2026-02-15',
    status: 'closed',
    dispatched: '2026-02-15',
    responded: true,
    closed: '2026-02-25',
    endType: 'resolved',
    rated: '2026-02-26',
    rating: 'dissatisfied',
  },
  c14: {
    code: 'CG01',
    at: 'B',
    received: '2026-03-20',
    status: 'closed',
    dispatched: '2026-03-20',
    responded: true,
    closed: '2026-03-30',
    endType: 'resolved',
  },
  c15: {
    code: 'MS04',
    at: 'B',
    received: '2026-05-05',
    status: 'dispatched',
    dispatched: '2026-05-05',
    responded: false,
    overdue: true,
    mediation: { outcome: 'pending', openedOn: '2026-05-06' },
  },
  c16: {
    code: 'MS04',
    at: 'A',
    received: '2025-11-01',
    status: 'closed',
    dispatched: '2025-11-01',
    responded: true,
    closed: '2025-11-10',
    endType: 'resolved',
    mediation: { outcome: 'agreed', openedOn: '2025-11-02' },
  },
  c18: { code: 'MS02', at: 'A', received: '2026-06-10', status: 'submitted' },
};

/** The place columns of a case in one of the dataset's compounds (in a grid where the compound has one). */
function placeOf(c: ReportsCounty, at: CaseSpec['at']): { compound: 'A' | 'B'; where: Record<string, string | null> } {
  const put = (compound: OrgNode, community: OrgNode, grid: OrgNode | null) => ({
    compound_id: compound.id,
    community_id: community.id,
    grid_id: grid?.id ?? null,
    path: (grid ?? compound).path,
  });
  if (at === 'A') return { compound: 'A', where: put(c.compoundA, c.community, c.gridA) };
  if (at === 'A2') return { compound: 'A', where: put(c.compoundA2, c.community, c.gridA2) };
  if (at === 'B') return { compound: 'B', where: put(c.compoundB, c.otherCommunity, c.gridB) };
  return { compound: 'B', where: put(c.compoundB2, c.otherCommunity, null) };
}

/** A Shanghai day's 10:00 as a stored instant. */
const instant = (day: string) => new Date(new Date(shanghaiMidnight(day)).getTime() + 10 * 3600_000).toISOString();

/** The cases and mediations of the dataset; answers the case ids by name. */
export async function insertReportsCases(t: TestApp, c: ReportsCounty): Promise<Record<string, string>> {
  const p = t.platform;
  const categories = await p.db.selectFrom('civic_category').select(['id', 'code']).execute();
  const categoryId = (code: string) => {
    const found = categories.find((r) => r.code === code);
    if (!found) throw new Error(`no category ${code}`);
    return found.id;
  };
  const county: CivicCounty = { ...c, propertyCompanyA: '', branchPartyA: '' };
  const ids: Record<string, string> = {};
  for (const [name, s] of Object.entries(CASES)) {
    const place = placeOf(c, s.at);
    const rated = s.rated && s.rating;
    const created = await insertCase(p, county, {
      compound: place.compound,
      categoryId: categoryId(s.code),
      status: s.status,
      receivedOn: s.received,
      title: `报表测试${name}`,
      overrides: {
        ...place.where,
        created_at: instant(s.received),
        dispatched_on: s.dispatched ?? null,
        dispatched_at: s.dispatched ? instant(s.dispatched) : null,
        responded: s.dispatched ? (s.responded ? 1 : 0) : null,
        closed_on: s.closed ?? null,
        closed_at: s.closed ? instant(s.closed) : null,
        end_type: s.endType ?? null,
        void_reason: s.status === 'voided' ? 'duplicate' : null,
        rated_on: rated ? (s.rated ?? null) : null,
        rated_at: s.rated ? instant(s.rated) : null,
        rating: s.rating ?? null,
        rating_resolved: s.rating ? (s.rating === 'dissatisfied' ? 0 : 1) : null,
        overdue: s.overdue ? 1 : 0,
      },
    });
    ids[name] = created.id;
    if (s.mediation) {
      await p.db
        .insertInto('civic_mediation')
        .values({
          case_id: created.id,
          mediator_user_id: null,
          mediator_name: '调解员',
          parties: '[]',
          outcome: s.mediation.outcome,
          agreement_text: s.mediation.outcome === 'agreed' ? '双方同意' : null,
          agreement_file_id: null,
          created_at: instant(s.mediation.openedOn),
          updated_at: instant(s.mediation.openedOn),
        })
        .execute();
    }
  }
  return ids;
}
