import type { MyMemberRecord } from '@linli/contracts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/index.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { requireSelfMember } from '../member-access.ts';
import { householdLabel } from './household-address.ts';
import {
  approvedPosts,
  findMemberProfile,
  latestReportIn,
  linkedHouseholds,
  ratingCounts,
  serviceTotals,
} from './my-member.repository.ts';

/** When the latest report-in stands: its confirmation (or rejection) if decided, else its registration. */
function reportInOf(latest: Awaited<ReturnType<typeof latestReportIn>>, status: MyMemberRecord['reportIn']['status']) {
  if (!latest) return { status, date: null, compoundName: null };
  return { status, date: latest.decided_at ?? latest.registered_at, compoundName: latest.compound_name };
}

/**
 * `GET /me/member` (`member.self`): the signed-in member's own record for the H5 — masked phone, branch,
 * residence, the latest report-in, approved posts, services and hours (this calendar year in Asia/Shanghai
 * and all time), ratings and the households they look after. 404 `not_on_roster` without a roster entry.
 */
export async function getMyMemberRecord(ctx: Ctx): Promise<MyMemberRecord> {
  const self = await requireSelfMember(ctx);
  const profile = await findMemberProfile(ctx.db, self.id);
  if (!profile) throw new AppError('NOT_FOUND', { details: { object: 'member', reason: 'not_on_roster' } });
  const [latest, posts, thisYear, allTime, ratings, households] = await Promise.all([
    latestReportIn(ctx.db, self.id),
    approvedPosts(ctx.db, self.id),
    serviceTotals(ctx.db, self.id, `${shanghaiDate(ctx.clock.now()).slice(0, 4)}-01-01`),
    serviceTotals(ctx.db, self.id),
    ratingCounts(ctx.db, self.id),
    linkedHouseholds(ctx.db, self.id),
  ]);
  const { building, unit, room } = profile;
  return {
    memberId: profile.id,
    name: profile.name,
    phoneMasked: profile.phone_cipher ? maskPhone(ctx.cipher.decrypt(profile.phone_cipher)) : null,
    status: profile.status,
    employment: profile.employment,
    branchName: profile.branch_name ?? null,
    compoundId: profile.residence_compound_id,
    compoundName: profile.compound_name ?? null,
    householdId: profile.household_id,
    householdLabel:
      building !== null && unit !== null && room !== null ? householdLabel({ building, unit, room }) : null,
    reportIn: reportInOf(latest, profile.report_in_status),
    posts: posts.map((p) => ({ postId: p.post_id, title: p.title, compoundName: p.compound_name })),
    services: { thisYear, allTime },
    ratings,
    linkedHouseholds: households,
  };
}
